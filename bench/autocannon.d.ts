// The part of autocannon's API bench/api.ts uses (the package ships no types; avoids @types/autocannon).
declare module 'autocannon' {
  namespace autocannon {
    interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request) => Request }
    interface Options {
      url: string; connections?: number; overallRate?: number; duration?: number; amount?: number;
      method?: string; headers?: Record<string, string>; body?: string; requests?: Request[]; ignoreCoordinatedOmission?: boolean;
    }
    interface Histogram { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number; total: number }
    interface Result { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number }
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
