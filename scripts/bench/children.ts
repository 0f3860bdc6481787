// Child processes of the benchmark: each gateway under test (and the subgraphs) runs in its own
// process, so its peak memory (VmHWM, the high-water mark of its resident set) is its own.
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface Child<T> {
  process: ChildProcess
  message: T
  /** Milliseconds from start to ready. */
  startMs: number
  stop(): Promise<void>
}

export class StartFailed extends Error {}

/** Starts `script` (relative to this folder) under tsx and waits for its `ready` message. */
export function startChild<T extends { type: string }>(script: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<Child<T>> {
  const started = performance.now()
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
      child.once('exit', () => {
        clearTimeout(kill)
        resolve()
      })
      if (child.connected) child.disconnect()
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new StartFailed(`${script} was not ready after ${timeoutMs / 1000} s`))
    }, timeoutMs)
    child.on('message', (message: T & { reason?: string }) => {
      clearTimeout(timer)
      if (message.type === 'ready') resolve({ process: child, message, startMs: performance.now() - started, stop })
      else {
        void stop()
        reject(new StartFailed(message.reason ?? `${script} failed`))
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new StartFailed(`${script} exited (code ${code}) before it was ready`))
    })
  })
}

/** Peak and current resident memory of a process, in MB, from /proc (Linux). */
export function memoryOf(pid: number | undefined): { peakMb: number; rssMb: number } | null {
  if (!pid) return null
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN)
    return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) }
  } catch {
    return null
  }
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux; 100 ticks a second). */
export function cpuSecondsOf(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}
