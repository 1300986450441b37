import type { DestinationStream } from '@credit-hub/subgraph-kit';

export interface CapturedLogs {
  /** Pass as `startStack({ logs })`. */
  stream: DestinationStream;
  /** Every JSON line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Everything written so far, as text (to assert what never appears). */
  text(): string;
}

/** Collects the services' log lines in memory, so a test can find an error id or prove no SQL was logged. */
export function captureLogs(): CapturedLogs {
  const chunks: string[] = [];
  return {
    stream: { write: (chunk: string) => void chunks.push(chunk) },
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => chunks.join(''),
  };
}
