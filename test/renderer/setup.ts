import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import '../../renderer/src/zod-setup'

// jsdom lacks a few browser APIs that antd measures with.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  }),
})
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver
const realGetComputedStyle = window.getComputedStyle.bind(window)
window.getComputedStyle = (element: Element) => realGetComputedStyle(element)

afterEach(() => cleanup())

// jsdom lays nothing out, so it has no scrolling; forms that bring a message into view call this.
Element.prototype.scrollIntoView = () => undefined
