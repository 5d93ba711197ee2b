export interface BareBrowser {
  version: string;
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<any>;
  close(): Promise<void>;
}
export interface LoadFigures {
  render: number;
  interactive: number | null;
  loadEvent: number | null;
}
export function launchBare(extraArgs?: string[]): Promise<BareBrowser>;
export function bareLoad(
  bare: BareBrowser,
  spec: {
    url: string;
    harness: () => void;
    isReady: string;
    viewport: { width: number; height: number };
    budget: number;
  },
): Promise<LoadFigures | 'timeout'>;
