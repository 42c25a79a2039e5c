// The 404/403/500 page inside the public frame (public pages, /auth, the API reference, and the
// admin area when its own guard refused).
import { ErrorPage } from "./error-page";
import { PublicLayout } from "./public-layout";

export function PublicErrorPage() {
  return (
    <PublicLayout>
      <ErrorPage />
    </PublicLayout>
  );
}
