// Renders the Kubernetes manifests in scripts/deploy/k8s/ from one description, so the gateway
// and the eight subgraphs stay alike: `npx tsx scripts/deploy/render.ts` (a test checks that the
// committed files are what this renders, and that each is a valid Kubernetes object).
import { writeFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { SUBGRAPH_NAMES, SUBGRAPH_PORTS } from '../../subgraphs/common/config.ts'

export const NAMESPACE = 'coea-directory'
const IMAGE = 'coea-directory:latest'
const envName = (name: string) => name.toUpperCase().replace(/-/g, '_')

const probes = (port: number) => ({
  livenessProbe: { httpGet: { path: '/health/live', port }, periodSeconds: 10, failureThreshold: 3 },
  readinessProbe: { httpGet: { path: '/health/ready', port }, periodSeconds: 5, failureThreshold: 2 },
  startupProbe: { httpGet: { path: '/health/live', port }, periodSeconds: 2, failureThreshold: 60 },
})

function deployment(name: string, port: number, replicas: number, command: string[], env: object[]) {
  const labels = { app: name, 'app.kubernetes.io/part-of': NAMESPACE }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NAMESPACE, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels },
        spec: {
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name,
              image: IMAGE,
              command,
              ports: [{ name: 'http', containerPort: port }],
              env,
              resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { memory: '512Mi' } },
              ...probes(port),
            },
          ],
        },
      },
    },
  }
}

const service = (name: string, port: number) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: NAMESPACE },
  spec: { selector: { app: name }, ports: [{ name: 'http', port, targetPort: port }] },
})

const fromSecret = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: 'coea-secrets', key } } })

export function manifests(): Record<string, object[]> {
  const files: Record<string, object[]> = {
    'namespace.yaml': [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } }],
  }
  for (const name of SUBGRAPH_NAMES) {
    const port = SUBGRAPH_PORTS[name]
    files[`subgraph-${name}.yaml`] = [
      deployment(`subgraph-${name}`, port, 2, ['node', '--import', 'tsx', `subgraphs/${name}/server.ts`], [
        { name: 'HOST', value: '0.0.0.0' },
        { name: `SUBGRAPH_PORT_${envName(name)}`, value: String(port) },
        fromSecret(`DATABASE_URL_${envName(name)}`, `database-url-${name}`),
        { name: 'GATEWAY_JWKS_URL', value: `http://gateway.${NAMESPACE}.svc:4000/.well-known/jwks.json` },
        { name: 'LOG_LEVEL', value: 'info' },
      ]),
      service(`subgraph-${name}`, port),
    ]
  }
  files['gateway.yaml'] = [
    deployment('gateway', 4000, 2, ['node', '--import', 'tsx', 'gateway/server.ts'], [
      { name: 'HOST', value: '0.0.0.0' },
      { name: 'PORT', value: '4000' },
      ...SUBGRAPH_NAMES.map((name) => ({ name: `SUBGRAPH_URL_${envName(name)}`, value: `http://subgraph-${name}.${NAMESPACE}.svc:${SUBGRAPH_PORTS[name]}/graphql` })),
      fromSecret('GATEWAY_SIGNING_KEY', 'gateway-signing-key'),
      fromSecret('REDIS_URL', 'redis-url'),
      // /metrics needs this token; the ingress is the one proxy whose X-Forwarded-For is believed.
      fromSecret('METRICS_TOKEN', 'metrics-token'),
      { name: 'TRUST_PROXY', value: '1' },
      { name: 'AUTH_JWKS_URL', valueFrom: { configMapKeyRef: { name: 'coea-config', key: 'auth-jwks-url' } } },
      { name: 'AUTH_ISSUER', valueFrom: { configMapKeyRef: { name: 'coea-config', key: 'auth-issuer' } } },
      { name: 'AUTH_AUDIENCE', valueFrom: { configMapKeyRef: { name: 'coea-config', key: 'auth-audience' } } },
      { name: 'LOG_LEVEL', value: 'info' },
    ]),
    service('gateway', 4000),
  ]
  files['config.yaml'] = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coea-config', namespace: NAMESPACE },
      data: { 'auth-jwks-url': 'https://idp.example.org/.well-known/jwks.json', 'auth-issuer': 'https://idp.example.org', 'auth-audience': 'coea-directory' },
    },
  ]
  return files
}

export const render = (docs: object[]) => docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n')

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, docs] of Object.entries(manifests())) {
    writeFileSync(new URL(`./k8s/${file}`, import.meta.url), `# Rendered by scripts/deploy/render.ts: edit that, not this.\n${render(docs)}`)
  }
  console.log('Rendered scripts/deploy/k8s/. Create the secret "coea-secrets" (see scripts/deploy/README.md) before applying.')
}
