// The web's assets, built once when the app starts: the stylesheet and scripts minified with
// esbuild, named by a hash of their content (site.3f9a1c0b2e.css), compressed ahead of time, and
// served from memory with a year-long immutable cache. A change makes a new name, so no visitor
// ever gets a stale file; nothing comes from a CDN.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { build, transform } from 'esbuild'

export interface Asset {
  /** The URL path, /assets/<name>.<hash>.<ext>. */
  path: string
  type: string
  body: Buffer
  br: Buffer
  gzip: Buffer
}

export interface Assets {
  /** By logical name ("site.css") → its hashed URL path. */
  url(name: AssetName): string
  /** By URL path. */
  get(path: string): Asset | undefined
}

export type AssetName = 'site.css' | 'enhance.js' | 'widget.js'

const HERE = new URL('./', import.meta.url)

async function script(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [new URL(entry, HERE).pathname],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
  })
  return result.outputFiles[0]!.text
}

export async function buildAssets(): Promise<Assets> {
  const sources: Record<AssetName, () => Promise<string>> = {
    'site.css': async () => (await transform(await readFile(new URL('site.css', HERE), 'utf8'), { loader: 'css', minify: true })).code,
    'enhance.js': () => script('enhance.ts'),
    'widget.js': () => script('widget.ts'),
  }
  const byName = new Map<AssetName, Asset>()
  const byPath = new Map<string, Asset>()
  for (const [name, make] of Object.entries(sources) as [AssetName, () => Promise<string>][]) {
    const body = Buffer.from(await make())
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
    const [base, ext] = name.split('.') as [string, string]
    const asset: Asset = {
      path: `/assets/${base}.${hash}.${ext}`,
      type: ext === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      body,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(body, { level: 9 }),
    }
    byName.set(name, asset)
    byPath.set(asset.path, asset)
  }
  return { url: (name) => byName.get(name)!.path, get: (path) => byPath.get(path) }
}
