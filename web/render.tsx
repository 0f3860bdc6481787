// Renders a view to a complete HTML document (Preact escapes every text and attribute value).
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { Page, type PageContext } from './views/context.ts'

export function renderPage(page: PageContext, view: VNode): string {
  return `<!doctype html>${renderToString(<Page.Provider value={page}>{view}</Page.Provider>)}`
}
