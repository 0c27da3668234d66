/**
 * `brief collect` started exactly as deploy/brief-collect.service and deploy/compose.yaml start
 * it — the command line read from the file, only the install path (/opt/brief), the data path
 * (systemd's %S, the compose volume's /data) and the exchanges' addresses (the BRIEF_*_WS_URL
 * variables the collector reads) pointed at this machine — writes day files from loopback
 * replay streams, passes its own health check, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readDayFile } from '../../sources/collector/day-file.js';
import { utcDay } from '../../sources/collector/event.js';
import { checkHealth } from '../../sources/collector/status.js';
import { fixture, startFakeExchange, startHttp, tempDir, type FakeExchange } from '../collector/helpers.js';
import { REPO, execForm, one, readContainerfile, readUnit, splitCommand } from './service-files.js';

const binanceSample = await fixture('binance-ws-forceOrder.json');
const okxSample = await fixture('okx-ws-liquidation-orders.json');
const bybitSample = await fixture('bybit-ws-allLiquidation.json');
const isSubscribe = (text: string): boolean => text.startsWith('{') && (JSON.parse(text) as { op?: string }).op === 'subscribe';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

/** Three loopback exchanges, each sending one BTC liquidation at `time`, and OKX's instruments endpoint. */
async function exchanges(time: number): Promise<Record<string, string>> {
  const started: FakeExchange[] = [];
  const binance = await startFakeExchange({
    onConnection: (socket) =>
      socket.send(
        JSON.stringify({
          ...binanceSample,
          o: { ...(binanceSample.o as object), s: 'BTCUSDT', S: 'SELL', z: '0.014', ap: '42010.5', T: time },
        }),
      ),
  });
  const okx = await startFakeExchange({
    onMessage: (socket, text) => {
      if (text === 'ping') socket.send('pong');
      if (!isSubscribe(text)) return;
      const [entry] = okxSample.data as Record<string, unknown>[];
      const [detail] = (entry?.details ?? []) as Record<string, unknown>[];
      const data = [
        {
          ...entry,
          instId: 'BTC-USDT-SWAP',
          instFamily: 'BTC-USDT',
          uly: 'BTC-USDT',
          details: [{ ...detail, side: 'sell', posSide: 'long', bkPx: '42000', sz: '2', ts: String(time) }],
        },
      ];
      socket.send(JSON.stringify({ ...okxSample, data }));
    },
  });
  const bybit = await startFakeExchange({
    onMessage: (socket, text) => {
      if (isSubscribe(text))
        socket.send(
          JSON.stringify({
            ...bybitSample,
            topic: 'allLiquidation.BTCUSDT',
            ts: time,
            data: [{ T: time, s: 'BTCUSDT', S: 'Buy', v: '0.5', p: '42100' }],
          }),
        );
    },
  });
  const rest = await startHttp(
    200,
    JSON.stringify({ code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctValCcy: 'BTC' }] }),
  );
  started.push(binance, okx, bybit);
  closers.push(...started.map((server) => () => server.close()), () => rest.close());
  return { BRIEF_BINANCE_WS_URL: binance.url, BRIEF_OKX_WS_URL: okx.url, BRIEF_BYBIT_WS_URL: bybit.url, BRIEF_OKX_URL: rest.url };
}

interface Started {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function run({ argv, cwd, env }: Started): { exit: Promise<{ code: number | null; stdout: string; stderr: string }>; kill: () => void } {
  const [command, ...args] = argv;
  const child = spawn(command!, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : null), stdout, stderr }));
  });
  closers.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { exit, kill: () => child.kill('SIGTERM') };
}

/** Starts the collector, waits for the three events in today's file, runs the health check, stops it. */
async function collectAndCheck(collector: Started, health: Started, collectedDir: string, time: number): Promise<void> {
  const service = run(collector);
  const file = join(collectedDir, `${utcDay(time)}.jsonl`);
  let events: Awaited<ReturnType<typeof readDayFile>>['events'] = [];
  const deadline = Date.now() + 10_000;
  while (events.length < 3) {
    if (Date.now() > deadline) throw new Error(`no three events in ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    events = (await readDayFile(file)).events;
  }
  const byExchange = Object.fromEntries(events.map((e) => [e.exchange, [e.asset, e.side, e.quantity, e.notionalUsd, e.time]]));
  expect(byExchange).toEqual({
    binance: ['BTC', 'long', 0.014, 588.147, time], // SELL = a long force-sold; 0.014 × 42010.5
    okx: ['BTC', 'long', 0.02, 840, time], // 2 contracts × 0.01 BTC; × 42000
    bybit: ['BTC', 'long', 0.5, 21050, time], // Buy = a long liquidated; 0.5 × 42100
  });

  // The heartbeat says the three streams are connected once each has opened.
  const statusFile = join(collectedDir, '.collect-status.json');
  const connected = async (): Promise<boolean> => {
    const status = JSON.parse(await readFile(statusFile, 'utf8')) as { streams: Record<string, { connected: boolean }> };
    return Object.values(status.streams).filter((s) => s.connected).length === 3;
  };
  while (!(await connected())) {
    if (Date.now() > deadline) throw new Error(`${statusFile} never showed three connected streams`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const healthy = await run(health).exit;
  expect(healthy.code).toBe(0);
  // How many events the heartbeat counted depends on when it was last written (0 to 3).
  expect(healthy.stdout).toMatch(
    /^healthy: binance, okx, bybit connected; as of \d{4}-\d\d-\d\dT[\d:.]+Z, [0-3] events stored since \d{4}-/,
  );

  service.kill();
  const stopped = await service.exit;
  expect(stopped.code).toBe(143); // 128 + SIGTERM, after the streams closed and the files were flushed
  expect(stopped.stderr).toMatch(/collector: stopped; 3 events stored, 0 duplicates skipped/);
  // Checked in-process (the command itself was run above): a stopped collector is not healthy.
  const afterStop = await checkHealth(collectedDir, { now: Date.now(), maxAgeMs: 120_000 });
  expect(afterStop.message).toMatch(/^unhealthy: the collector stopped at /);
}

describe.concurrent('brief collect as deployed', () => {
  it('as deploy/brief-collect.service starts it (health as brief-collect-health.service runs it)', async () => {
    const unit = readUnit('brief-collect.service');
    const service = unit.Service!;
    expect(one(service.Restart, 'Restart=')).toBe('always');
    expect(one(unit.Install?.WantedBy, 'WantedBy=')).toBe('multi-user.target');
    const healthUnit = readUnit('brief-collect-health.service');
    expect(readUnit('brief-collect-health.timer').Timer?.OnUnitActiveSec).toEqual(['2min']);

    const state = await tempDir(); // systemd's %S (/var/lib)
    const time = Date.now() - 2000;
    const endpoints = await exchanges(time);
    const place = (word: string): string => word.replaceAll('%S', state).replaceAll('/opt/brief', REPO);
    const env = { PATH: process.env.PATH, HOME: state, ...endpoints };
    for (const assignment of service.Environment ?? []) {
      const [key, ...value] = assignment.split('=');
      Object.assign(env, { [key!]: place(value.join('=')) });
    }
    const argv = splitCommand(one(service.ExecStart, 'ExecStart=')).map(place);
    expect(argv.slice(-3)).toEqual(['collect', '--collected', join(state, 'brief', 'collected')]);
    const cwd = place(one(service.WorkingDirectory, 'WorkingDirectory='));
    // The health unit's shell line: it restarts the service only when the check fails.
    const healthArgv = splitCommand(one(healthUnit.Service?.ExecStart, 'health ExecStart=')).map(place);
    expect(healthArgv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(healthArgv[2]).toMatch(/collect --health --collected .* \|\| \{ .*systemctl restart brief-collect\.service; \}$/);
    // Run whole while the collector is healthy, so the restart branch is not taken.
    await collectAndCheck({ argv, cwd, env }, { argv: healthArgv, cwd, env }, join(state, 'brief', 'collected'), time);
  });

  it('as deploy/compose.yaml starts it, with the image entrypoint and healthcheck', async () => {
    const compose = parseYaml(await readFile(join(REPO, 'deploy', 'compose.yaml'), 'utf8')) as {
      services: Record<
        string,
        { command?: string[]; restart?: string; volumes?: string[]; healthcheck?: { test: string[] }; build?: unknown }
      >;
    };
    const collector = compose.services.collector!;
    expect(collector.restart).toBe('unless-stopped');
    expect(collector.build).toEqual({ context: '..', dockerfile: 'deploy/Containerfile' });
    const instructions = readContainerfile();
    const entrypoint = execForm(instructions, 'ENTRYPOINT');
    const workdir = instructions.filter(([i]) => i === 'WORKDIR').at(-1)![1];
    expect([entrypoint, workdir]).toEqual([['brief'], '/opt/brief']);
    // The image puts `brief` on the PATH as a link to /opt/brief/bin/brief.js; here, to this checkout's.
    const data = await tempDir(); // the brief-data volume, mounted at /data
    const bin = join(data, 'bin');
    await mkdir(bin);
    await symlink(join(REPO, 'bin', 'brief.js'), join(bin, 'brief'));
    expect(collector.volumes).toEqual(['brief-data:/data']);
    const place = (word: string): string => word.replace(/^\/data(?=\/|$)/, data);
    const time = Date.now() - 2000;
    const env = { PATH: `${bin}:${process.env.PATH}`, HOME: data, ...(await exchanges(time)) };
    const argv = [...entrypoint, ...collector.command!].map(place);
    expect(argv).toEqual(['brief', 'collect', '--collected', join(data, 'collected')]);
    const [kind, ...check] = collector.healthcheck!.test;
    expect(kind).toBe('CMD');
    // The image's own HEALTHCHECK is the same command.
    const imageCheck = instructions.find(([i]) => i === 'HEALTHCHECK')![1];
    expect(JSON.parse(imageCheck.slice(imageCheck.indexOf('CMD ') + 4))).toEqual(check);
    await collectAndCheck({ argv, cwd: REPO, env }, { argv: check.map(place), cwd: REPO, env }, join(data, 'collected'), time);
  });
});
