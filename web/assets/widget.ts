// <find-help country="TH" harm="sextortion" lang="th"></find-help>: the find-help widget as a
// small web component for a platform's own pages. It shows the widget page (/<lang>/widget/<cc>)
// in an iframe: the content, its rules and its budget are the same as the page's, and nothing of
// the host page reaches it.
const script = document.currentScript as HTMLScriptElement | null
const origin = script ? new URL(script.src).origin : location.origin

class FindHelp extends HTMLElement {
  connectedCallback() {
    const country = (this.getAttribute('country') ?? '').toLowerCase()
    if (!/^[a-z]{2}$/.test(country)) return
    const lang = (this.getAttribute('lang') ?? 'en').toLowerCase()
    const url = new URL(`/${encodeURIComponent(lang)}/widget/${country}`, origin)
    const harm = this.getAttribute('harm')
    if (harm) url.searchParams.set('harm', harm)
    const frame = document.createElement('iframe')
    frame.src = url.toString()
    frame.title = this.getAttribute('label') ?? 'Find help'
    frame.loading = 'lazy'
    frame.referrerPolicy = 'no-referrer'
    frame.style.cssText = `border:0;width:100%;height:${Number(this.getAttribute('height')) || 420}px`
    this.replaceChildren(frame)
  }
}

if (!customElements.get('find-help')) customElements.define('find-help', FindHelp)
