// The last line when a screen fails to draw: say so in words, and offer a way out instead of a
// blank page. Data already stored is not touched by a failed render.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { RescueActions } from './rescue-actions'

interface State {
  error: Error | null
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the console to report it.
    console.error(error, info.componentStack)
  }

  render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <main className="trouble" role="alert">
        <h1>This screen could not be shown</h1>
        <p>Everything you saved is still on this device. Reload to try again; if it happens again, save a copy of your data and keep it safe.</p>
        <details>
          <summary>What went wrong</summary>
          <pre>{error.message}</pre>
        </details>
        <RescueActions />
      </main>
    )
  }
}
