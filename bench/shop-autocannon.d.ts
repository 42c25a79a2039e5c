// The part of autocannon's API bench/shop.ts uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; total: number; p50: number; p99: number };
  export type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  export type Options = {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    amount?: number;
    requests?: Array<{
      method?: string;
      headers?: Record<string, string>;
      setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
    }>;
  };
  export type Instance = PromiseLike<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number) => void): void;
  };
  export default function autocannon(options: Options): Instance;
}
