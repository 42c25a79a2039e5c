// URLs of the e-mail code sign-in, shared by the strategy and the pages.
export const EMAIL_CODE_PATHS = {
  request: "/auth/login/code",
  verify: "/auth/login/code/verify",
} as const;
