// ndjson streams the whole directory in flat memory: programs generated straight into the
// civil-society tables of this test's own database, streamed through GET /hsds/services?format=ndjson
// (the gateway pages through GraphQL in batches of 100), with the heap measured after garbage
// collection as the stream goes. 10,000 rows by default, so the suite stays quick; the export's
// 100,000-row figure comes from HSDS_STREAM_ROWS=100000 (HSDS_STREAM_DRIVER=pg for the server).
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const ROWS = Number(process.env.HSDS_STREAM_ROWS ?? 10_000)
const MB = 1024 * 1024

// Give large runs the time they need (a busy machine streams a few hundred services a second).
t.setTimeout(120_000 + ROWS * 20)

t.test('format=ndjson streams every service with the heap flat', async (t) => {
  const stack = await startTestStack(t, { driver: (process.env.HSDS_STREAM_DRIVER as 'pg' | 'pglite' | undefined) ?? 'pglite' })
  const db = stack.subgraphs.get('civil-society')!.db
  await db.query(
    `insert into civil_society.program (id, owner_id, owner_kind, titles, descriptions, countries, focus_areas, harm_types, audiences, website, search_text)
     select 'scale-program-' || g, 'aple-cambodia', 'CIVIL_SOCIETY',
       jsonb_build_array(jsonb_build_object('lang', 'en', 'value', 'Scale program ' || g)),
       jsonb_build_array(jsonb_build_object('lang', 'en', 'value', 'A generated program for the streaming test, number ' || g)),
       array['KH'], array['rpa-2021-5'], array['csam', 'grooming'], array['CHILDREN'], 'https://example.org/programs/' || g, 'scale program ' || g
     from generate_series(1, $1::int) g`,
    [ROWS],
  )
  const base = stack.gatewayUrl.replace(/\/graphql$/, '')
  const res = await fetch(`${base}/hsds/services?format=ndjson`)
  t.equal(res.status, 200)
  t.match(res.headers.get('content-type'), /application\/x-ndjson/)

  const samples: { lines: number; heapMb: number; rssMb: number }[] = []
  const sample = (lines: number) => {
    gc()
    const m = process.memoryUsage()
    samples.push({ lines, heapMb: m.heapUsed / MB, rssMb: m.rss / MB })
  }
  const decoder = new TextDecoder()
  let lines = 0
  let rest = ''
  let generated = 0
  const started = Date.now()
  for await (const chunk of res.body!) {
    const text = rest + decoder.decode(chunk, { stream: true })
    const parts = text.split('\n')
    rest = parts.pop()!
    for (const line of parts) {
      lines++
      if (line.includes('"directory_id":"scale-program-')) generated++
      if (lines % Math.max(1, Math.floor(ROWS / 10)) === 0) sample(lines)
    }
  }
  const seconds = (Date.now() - started) / 1000
  t.equal(rest, '', 'the stream ends with a complete line')
  t.equal(generated, ROWS, `all ${ROWS} generated programs were streamed`)

  // From the first sample (warm: plans cached, pools open) to the last, the heap stays flat.
  const first = samples[0]!
  const peakHeap = Math.max(...samples.map((s) => s.heapMb))
  const peakRss = Math.max(...samples.map((s) => s.rssMb))
  const growth = samples.at(-1)!.heapMb - first.heapMb
  t.comment(
    `${lines} services in ${seconds.toFixed(1)} s; heap after GC ${first.heapMb.toFixed(1)} MB at ${first.lines} lines, ` +
      `${samples.at(-1)!.heapMb.toFixed(1)} MB at ${samples.at(-1)!.lines} (growth ${growth.toFixed(1)} MB, peak ${peakHeap.toFixed(1)} MB); ` +
      `RSS ${first.rssMb.toFixed(0)} MB -> peak ${peakRss.toFixed(0)} MB`,
  )
  // Holding the services would grow the heap by several KB each (tens of MB at 10,000).
  t.ok(growth < 15, `heap growth while streaming ${growth.toFixed(1)} MB stays under 15 MB`)
})
