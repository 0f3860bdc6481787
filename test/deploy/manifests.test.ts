// The Kubernetes manifests parse, are valid Kubernetes objects, are what render.ts renders, and
// wire every probe to a health route that exists.
import { readdirSync, readFileSync } from 'node:fs'
import t from 'tap'
import { parseAllDocuments } from 'yaml'
import { Namespace, Service, ConfigMap } from 'kubernetes-models/v1'
import { Deployment } from 'kubernetes-models/apps/v1'
import { manifests, render } from '../../scripts/deploy/render.ts'
import { SUBGRAPH_NAMES } from '../../subgraphs/common/config.ts'

const dir = new URL('../../scripts/deploy/k8s/', import.meta.url)
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'))
const kinds = { Namespace, Service, ConfigMap, Deployment } as Record<string, new (o: object) => { validate(): void }>

t.test('the committed manifests are what render.ts renders', async (t) => {
  const rendered = manifests()
  t.same(files.sort(), Object.keys(rendered).sort())
  for (const [file, docs] of Object.entries(rendered)) {
    t.equal(readFileSync(new URL(file, dir), 'utf8').replace(/^#.*\n/, ''), render(docs), `${file} is up to date`)
  }
})

t.test('every document is valid YAML and a valid Kubernetes object', async (t) => {
  const deployments: string[] = []
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(new URL(file, dir), 'utf8'))) {
      t.same(doc.errors, [], `${file} parses`)
      const object = doc.toJS() as { kind: string; metadata: { name: string }; spec?: any }
      const Model = kinds[object.kind]
      t.ok(Model, `${file}: ${object.kind} is a kind we check`)
      t.doesNotThrow(() => new Model!(object).validate(), `${file}: ${object.kind} ${object.metadata.name} is valid`)
      if (object.kind === 'Deployment') {
        deployments.push(object.metadata.name)
        const container = object.spec.template.spec.containers[0]
        t.equal(container.readinessProbe.httpGet.path, '/health/ready')
        t.equal(container.livenessProbe.httpGet.path, '/health/live')
        t.equal(container.readinessProbe.httpGet.port, container.ports[0].containerPort, 'probes hit the served port')
      }
    }
  }
  t.same(deployments.sort(), ['gateway', ...SUBGRAPH_NAMES.map((n) => `subgraph-${n}`)].sort(), 'a deployment for the gateway and each subgraph')
})

t.test('a broken manifest is caught', async (t) => {
  const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'http' }] }] } } } }
  t.throws(() => new Deployment(broken as never).validate())
})
