// One boundary per area: a crash in the map leaves the timeline and the panels working.
import { Component, type ReactNode } from 'react';

interface Props {
  area: string;
  children: ReactNode;
}

export class AreaBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error)
      return (
        <div role="alert" className="area-error">
          {this.props.area}: {this.state.error.message}
        </div>
      );
    return this.props.children;
  }
}
