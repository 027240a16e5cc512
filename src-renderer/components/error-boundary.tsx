import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

/**
 * Keeps one broken dashboard from blanking the whole console: the shell, the nav and the other
 * dashboards stay usable. `resetKey` (the route) clears the error when the operator moves on.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string; title?: string }, { error: Error | undefined; key: string | undefined }> {
  override state: { error: Error | undefined; key: string | undefined } = { error: undefined, key: undefined };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: Error | undefined; key: string | undefined }) {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Dashboard failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorPanel
          title={this.props.title ?? 'This view failed to render'}
          error={{ code: 'INTERNAL', message: this.state.error.message, hint: 'Open another dashboard, or reload the window (Ctrl+R); if it happens again, report it with the steps that led here.' }}
          onRetry={() => this.setState({ error: undefined })}
        />
      );
    }
    return this.props.children;
  }
}
