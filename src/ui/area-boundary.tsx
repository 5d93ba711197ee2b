// One boundary per area: a crash in the map leaves the timeline and the panels working, says what
// broke, and offers to try that area again.
import { Component, type ReactNode } from 'react';

interface Props {
  /** The area's name, as the reader sees it ("Map"). */
  area: string;
  /** "Try again", in the reader's language. */
  retryLabel: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped on retry so that the area mounts afresh. */
  attempt: number;
}

export class AreaBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error) {
    // Kept visible to developers without failing the page.
    console.warn(`Itinera: the ${this.props.area} area failed:`, error);
  }

  override render() {
    if (this.state.error)
      return (
        <div role="alert" className="area-error">
          <p>
            {this.props.area}: {this.state.error.message}
          </p>
          <button type="button" onClick={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))}>
            {this.props.retryLabel}
          </button>
        </div>
      );
    return <AreaContent key={this.state.attempt}>{this.props.children}</AreaContent>;
  }
}

function AreaContent({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/**
 * Fault injection for the end-to-end tests: renders nothing, but throws when the page has set
 * `window.__ITINERA_CRASH__` to this area's key, so a test can check that one broken area is contained.
 */
export function CrashProbe({ area }: { area: string }) {
  if ((globalThis as { __ITINERA_CRASH__?: string }).__ITINERA_CRASH__ === area)
    throw new Error(`forced crash in ${area} (test)`);
  return null;
}
