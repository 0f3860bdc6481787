// Graceful shutdown and process-level failures. The gateway: a slow in-flight query completes
// when close starts, and nothing new is accepted. A service process (run as every entry point
// runs): SIGTERM lets the in-flight request finish and exits 0; a shutdown that takes too long
// exits anyway; an unhandled rejection is logged and the process carries on; an uncaught
// exception is logged and the process exits 1 after finishing what it was doing.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { startBareGateway, startFakeSubgraph } from './fixtures/bare.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

t.test('the gateway finishes an in-flight query when close starts', async (t) => {
  const fake = await startFakeSubgraph(t, () => ({ data: { hotlines: [{ id: 'h1' }] } }))
  const gw = await startBareGateway(t, { SUBGRAPH_URL_HOTLINES: fake.url })
  fake.delayMs = 1500
  const inFlight = gw.post({ query: '{ hotlines { id } }' })
  while (fake.requests.length === 0) await sleep(10)
  const closeStarted = performance.now()
  const closing = gw.close()
  await sleep(100)
  const refused = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(
    (res) => res.status,
    () => 'refused',
  )
  const res = await inFlight
  t.equal(res.status, 200)
  t.same(res.body, { data: { hotlines: [{ id: 'h1' }] } }, 'the in-flight query got its full answer')
  t.not(refused, 200, 'a new request is not taken once close has started')
  t.equal(res.headers.get('connection'), 'close', 'its keep-alive connection is closed after it')
  await closing
  const closedAfter = performance.now() - closeStarted
  t.ok(closedAfter >= 1300 && closedAfter < 5000, `close waited for it, and no longer (${Math.round(closedAfter)} ms)`)
})

interface Service {
  child: ChildProcess
  address: string
  logs: Array<{ msg?: string; level?: number }>
  exited: Promise<number | null>
}

async function startService(t: Test, env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/process.ts', import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  t.teardown(() => void child.kill('SIGKILL'))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const logs: Service['logs'] = []
  const lines = createInterface({ input: child.stdout! })
  const address = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { address?: string; msg?: string; level?: number }
      if (entry.address) resolve(entry.address)
      else logs.push(entry)
    })
    void exited.then(() => reject(new Error('the service exited before it listened')))
  })
  return { child, address, logs, exited }
}

t.test('a service process', async (t) => {
  const [normal, impatient, crashing] = await Promise.all([
    startService(t, { SLOW_MS: '1500' }),
    startService(t, { SLOW_MS: '10000', SHUTDOWN_TIMEOUT_MS: '500' }),
    startService(t, { SLOW_MS: '1000' }),
  ])

  t.test('an unhandled rejection is logged and the process carries on', async (t) => {
    t.equal((await fetch(`${normal.address}/reject`)).status, 200)
    await sleep(100)
    t.ok(normal.logs.some((l) => l.msg === 'unhandled promise rejection' && l.level === 50))
    t.equal(normal.child.exitCode, null, 'still running')
    t.equal((await fetch(`${normal.address}/slow`)).status, 200)
  })

  t.test('SIGTERM: the in-flight request finishes, then the process exits 0', async (t) => {
    const inFlight = fetch(`${normal.address}/slow`).then((res) => res.json())
    await sleep(300)
    normal.child.kill('SIGTERM')
    t.same(await inFlight, { done: true })
    t.equal(await normal.exited, 0)
    t.ok(normal.logs.some((l) => /stopping/.test(l.msg ?? '')))
  })

  t.test('a shutdown that takes too long ends anyway, with status 1', async (t) => {
    const inFlight = fetch(`${impatient.address}/slow`).catch(() => 'cut off')
    await sleep(300)
    const signalled = performance.now()
    impatient.child.kill('SIGTERM')
    t.equal(await impatient.exited, 1)
    t.ok(performance.now() - signalled < 5000, 'did not wait for the 10 s request')
    t.equal(await inFlight, 'cut off')
  })

  t.test('an uncaught exception: logged, in-flight work finishes, exit 1', async (t) => {
    const inFlight = fetch(`${crashing.address}/slow`).then((res) => res.json())
    await sleep(200)
    await fetch(`${crashing.address}/throw`).catch(() => undefined)
    t.same(await inFlight, { done: true })
    t.equal(await crashing.exited, 1)
    t.ok(crashing.logs.some((l) => l.msg === 'uncaught exception: stopping' && l.level === 60))
  })
})
