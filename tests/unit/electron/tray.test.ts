import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayCommand, TrayState } from '../../../src-main/core/ports';
import { TRAY_COLOURS } from '../../../src-main/electron/tray/icon-pixels';
import { createStatusTray } from '../../../src-main/electron/tray/status-tray';
import { trayMenuTemplate, trayTooltip } from '../../../src-main/electron/tray/tray-menu';
import { FakeTray, resetFakeElectron, type FakeNativeImage } from './fake-electron';
import { decodePng } from './png-reader';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const STATES: TrayState[] = ['online', 'away', 'extended_away', 'offline', 'connecting'];

type Item = MenuItemConstructorOptions;

function statusItems(template: Item[]): Item[] {
  const status = template.find((item) => item.label === 'Status');
  return (status?.submenu ?? []) as Item[];
}

/** Plays Electron clicking an item (a checkbox is flipped before its click runs). */
function click(item: Item | undefined, checked = false): void {
  if (!item?.click) throw new Error(`no clickable item ${item?.label}`);
  item.click({ checked } as MenuItem, undefined, {} as never);
}

function byLabel(template: Item[], label: string): Item | undefined {
  return [...template, ...statusItems(template)].find((item) => item.label === label);
}

describe('the tray menu', () => {
  it('has Status, Open console, Settings, Play sounds, Switch user and Quit, in that order', () => {
    const labels = trayMenuTemplate('online', true, () => {}).map((item) => item.label ?? '---');
    expect(labels).toEqual([
      'Status',
      '---',
      'Open console',
      'Settings',
      'Play sounds',
      '---',
      'Switch user',
      'Quit Showroom',
    ]);
  });

  it.each([
    ['online', 'Online'],
    ['away', 'Away'],
    ['extended_away', 'Away'],
    ['offline', 'Offline'],
    ['connecting', null],
  ] as const)('ticks the status for %s', (state, ticked) => {
    const items = statusItems(trayMenuTemplate(state, true, () => {}));
    expect(items.map((item) => item.label)).toEqual(['Online', 'Away', 'Offline']);
    expect(items.every((item) => item.type === 'radio')).toBe(true);
    expect(items.filter((item) => item.checked).map((item) => item.label)).toEqual(
      ticked ? [ticked] : [],
    );
  });

  it('turns each click into the command the core acts on', () => {
    const sent: TrayCommand[] = [];
    const template = trayMenuTemplate('away', true, (command) => sent.push(command));
    for (const label of ['Online', 'Away', 'Offline', 'Open console', 'Settings', 'Switch user'])
      click(byLabel(template, label));
    click(byLabel(template, 'Quit Showroom'));
    expect(sent).toEqual([
      { kind: 'set-presence', state: 'online' },
      { kind: 'set-presence', state: 'away' },
      { kind: 'set-presence', state: 'offline' },
      { kind: 'open-console' },
      { kind: 'open-settings' },
      { kind: 'switch-user' },
      { kind: 'quit' },
    ]);
  });

  it('shows Play sounds ticked as given, and sends the new choice when clicked', () => {
    const sent: TrayCommand[] = [];
    const on = byLabel(
      trayMenuTemplate('online', true, (command) => sent.push(command)),
      'Play sounds',
    );
    const off = byLabel(
      trayMenuTemplate('online', false, (command) => sent.push(command)),
      'Play sounds',
    );
    expect(on).toMatchObject({ type: 'checkbox', checked: true });
    expect(off).toMatchObject({ type: 'checkbox', checked: false });
    click(on, false);
    click(off, true);
    expect(sent).toEqual([
      { kind: 'set-play-sounds', enabled: false },
      { kind: 'set-play-sounds', enabled: true },
    ]);
  });

  it('names the app in the tooltip and keeps it within what Windows shows', () => {
    expect(trayTooltip('Away: idle')).toBe('Showroom: Away: idle');
    const long = trayTooltip(`Away: ${'x'.repeat(300)}`);
    expect(long).toHaveLength(127);
    expect(long.endsWith('…')).toBe(true);
  });
});

/** The icon's 1x PNG, decoded, and the scale factors drawn. */
function iconOf(tray: FakeTray) {
  const image = tray.image as FakeNativeImage;
  const [base] = image.representations;
  if (!base) throw new Error('no icon');
  return { png: decodePng(base.buffer), image };
}

describe('the tray icon', () => {
  it('appears at start-up, connecting, before the core says anything', () => {
    createStatusTray({ send: () => {}, onClick: () => {} });
    const [tray] = FakeTray.created;
    expect(tray).toBeDefined();
    const { png } = iconOf(tray!);
    expect(png.pixel(8, 8).slice(0, 3)).toEqual([...TRAY_COLOURS.connecting]);
    expect(tray!.toolTip).toBe('Showroom: starting');
    expect(tray!.menu).not.toBeNull();
  });

  it.each(STATES)(
    'draws %s in its own colour, with transparent corners, at 1x, 1.5x and 2x',
    (state) => {
      const statusTray = createStatusTray({ send: () => {}, onClick: () => {} });
      statusTray.show(state, 'whatever', true);
      const { png, image } = iconOf(FakeTray.created[0]!);
      expect([png.width, png.height]).toEqual([16, 16]);
      expect(png.pixel(0, 0)[3]).toBe(0);
      expect(png.pixel(15, 15)[3]).toBe(0);
      expect(image.representations.map(({ scaleFactor }) => scaleFactor)).toEqual([1, 1.5, 2]);
      expect(image.representations.map(({ buffer }) => decodePng(buffer).width)).toEqual([
        16, 24, 32,
      ]);
      // Offline is a ring: its centre is empty and its colour is in the band around it.
      const [x, y] = state === 'offline' ? [8, 2] : [8, 8];
      expect(png.pixel(x, y)).toEqual([...TRAY_COLOURS[state], 255]);
      if (state === 'offline') expect(png.pixel(8, 8)[3]).toBe(0);
    },
  );

  it('gives every state a different icon', () => {
    const statusTray = createStatusTray({ send: () => {}, onClick: () => {} });
    const tray = FakeTray.created[0]!;
    const drawn = STATES.map((state) => {
      statusTray.show(state, state, true);
      return (tray.image as FakeNativeImage).representations[0]!.buffer.toString('hex');
    });
    expect(new Set(drawn).size).toBe(STATES.length);
  });

  it('updates icon, tooltip and menu together, and opens the console on a click', () => {
    const onClick = vi.fn();
    const sent: TrayCommand[] = [];
    const statusTray = createStatusTray({ send: (command) => sent.push(command), onClick });
    const tray = FakeTray.created[0]!;
    statusTray.show('away', 'Away: idle', false);
    expect(tray.toolTip).toBe('Showroom: Away: idle');
    expect(iconOf(tray).png.pixel(8, 8).slice(0, 3)).toEqual([...TRAY_COLOURS.away]);
    const template = tray.menu!.template as Item[];
    expect(byLabel(template, 'Away')?.checked).toBe(true);
    expect(byLabel(template, 'Play sounds')?.checked).toBe(false);
    click(byLabel(template, 'Offline'));
    expect(sent).toEqual([{ kind: 'set-presence', state: 'offline' }]);

    tray.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('is removed once, and ignores states after that', () => {
    const statusTray = createStatusTray({ send: () => {}, onClick: () => {} });
    const tray = FakeTray.created[0]!;
    statusTray.destroy();
    statusTray.destroy();
    statusTray.show('online', 'Online', true);
    expect(tray.destroy).toHaveBeenCalledOnce();
    expect(tray.toolTip).toBe('Showroom: starting');
  });
});
