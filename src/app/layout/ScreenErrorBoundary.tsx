// A screen that fails (typically its code could not be fetched: offline before the
// service worker had cached it) shows a notice inside the shell instead of taking
// the whole app down; the header, navigation and sync keep working. React.lazy
// keeps a failed import, so the way out is a reload; another screen works at once.
import { Component, type ReactNode } from 'react';

interface ScreenErrorBoundaryProps {
  /** The screen's path: navigating elsewhere clears the failure. */
  resetKey: string;
  message: string;
  reloadLabel: string;
  children: ReactNode;
}

export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: ScreenErrorBoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner banner-danger" role="alert">
        <p>{this.props.message}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {this.props.reloadLabel}
        </button>
      </div>
    );
  }
}
