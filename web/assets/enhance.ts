// Progressive enhancement, nothing more: every page works without it.
// Quick exit: leave for the neutral site and replace this page in the history, so that Back does
// not bring it up again; the page is blanked at once in case the next one is slow to come.
// Escape pressed twice in a row does the same from anywhere on the page.
function quickExit(href: string) {
  document.body.style.visibility = 'hidden'
  document.title = ''
  window.location.replace(href)
}

// Inside the embedded widget the plain link (target _top) already leaves the host page as a whole.
const exit = window.top === window.self ? document.querySelector<HTMLAnchorElement>('a[data-quick-exit]') : null
if (exit) {
  exit.addEventListener('click', (event) => {
    event.preventDefault()
    quickExit(exit.href)
  })
  let last = 0
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return
    const now = Date.now()
    if (now - last < 1000) quickExit(exit.href)
    last = now
  })
}

