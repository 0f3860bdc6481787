// The embedded default's key material: created once in the data folder and reused after, so
// tokens survive a restart; a `memory://` data folder keeps its keys in the process, never on disk.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { loadOrCreateKeyPair } from '../../gateway/identity/keys.ts'

t.test('a data folder: created once (owner-only), the same key after', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coea-keys-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const [a, b] = await Promise.all([loadOrCreateKeyPair(dir, 'auth-signing'), loadOrCreateKeyPair(dir, 'auth-signing')])
  t.equal(a.kid, b.kid, 'two starts at once agree on one key')
  t.equal((await loadOrCreateKeyPair(dir, 'auth-signing')).kid, a.kid, 'read back after')
  t.equal(statSync(join(dir, 'keys', 'auth-signing.jwk.json')).mode & 0o777, 0o600)
  t.not((await loadOrCreateKeyPair(dir, 'gateway-signing')).kid, a.kid, 'each name has its own key')
})

t.test('memory://: one key per folder and name in this process, nothing written', async (t) => {
  const a = await loadOrCreateKeyPair('memory://keys-test', 'auth-signing')
  t.equal((await loadOrCreateKeyPair('memory://keys-test', 'auth-signing')).kid, a.kid)
  t.not((await loadOrCreateKeyPair('memory://other', 'auth-signing')).kid, a.kid)
  t.notOk(existsSync('memory:'), 'no folder named after the URL')
})
