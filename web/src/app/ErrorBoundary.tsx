import { Component, type ReactNode } from 'react';

/**
 * A view that throws while rendering is replaced by this message, not by a blank page: the
 * frame (navigation, sign-out) stays usable. `resetKey` (the location) clears it on navigation.
 */
export class ErrorBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { error: Error | null; key: string }
> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: Error | null; key: string },
  ) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="problem" role="alert">
        <strong>This view failed.</strong> {this.state.error.message}{' '}
        <button type="button" className="link" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
