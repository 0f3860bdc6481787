// Child process of the benchmark (--replay): stands in front of the subgraphs and answers each
// distinct request (subgraph, body and identity) from memory after the first time, so that a run
// measures the gateways themselves rather than the subgraphs they share. Paths are /<subgraph>.
import { createServer } from 'node:http'

const upstream = JSON.parse(process.env.BENCH_UPSTREAM!) as Record<string, string>
const answers = new Map<string, Promise<{ status: number; body: Buffer }>>()

async function forward(name: string, body: string, authorization: string) {
  const res = await fetch(upstream[name]!, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks).toString()
  const name = (req.url ?? '/').slice(1)
  if (!upstream[name]) return void res.writeHead(404).end()
  const authorization = req.headers.authorization ?? ''
  // Every gateway forwards the same public identity here, so the body says what is asked.
  const key = `${name}\n${body}`
  let answer = answers.get(key)
  if (!answer) {
    answer = forward(name, body, authorization)
    answers.set(key, answer)
  }
  const { status, body: out } = await answer
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': out.length }).end(out)
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number }
  process.send!({ type: 'ready', urls: Object.fromEntries(Object.keys(upstream).map((name) => [name, `http://127.0.0.1:${port}/${name}`])) })
})
process.on('disconnect', () => process.exit(0))
