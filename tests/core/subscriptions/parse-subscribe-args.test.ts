import { describe, expect, it } from 'vitest';
import { parseSubscribeArgs } from '../../../src/core/subscriptions/parse-subscribe-args.js';

describe('parseSubscribeArgs', () => {
  it.each([
    ['daily 08:00', '0 8 * * *', 'UTC', 'skip'],
    ['daily 08:00 Asia/Riyadh', '0 8 * * *', 'Asia/Riyadh', 'skip'],
    ['daily 08:00 Asia/Riyadh quiet', '0 8 * * *', 'Asia/Riyadh', 'skip'],
    ['daily 08:00 Asia/Riyadh note', '0 8 * * *', 'Asia/Riyadh', 'note'],
    ['daily 08:00 note asia/riyadh', '0 8 * * *', 'Asia/Riyadh', 'note'],
    ['weekdays 18:30 Asia/Riyadh', '30 18 * * 0-4', 'Asia/Riyadh', 'skip'],
    ['weekdays 18:30 Europe/Berlin', '30 18 * * 1-5', 'Europe/Berlin', 'skip'],
    ['hourly UTC', '0 * * * *', 'UTC', 'skip'],
    ['0 8 * * * Europe/Berlin', '0 8 * * *', 'Europe/Berlin', 'skip'],
    ['30 7 * * 0-4 Asia/Riyadh note', '30 7 * * 0-4', 'Asia/Riyadh', 'note'],
    ['يوميا 08:00', '0 8 * * *', 'UTC', 'skip'],
    ['يوميا 08:00 Asia/Riyadh تنبيه', '0 8 * * *', 'Asia/Riyadh', 'note'],
    ['يوميا 08:00 الرياض', '0 8 * * *', 'Asia/Riyadh', 'skip'],
    ['أيام العمل 18:30 القاهرة صامت', '30 18 * * 0-4', 'Africa/Cairo', 'skip'],
    ['كل ساعة ملاحظة', '0 * * * *', 'UTC', 'note'],
  ])('%j → %s in %s, nothing new: %s', (arg, expression, zone, whenEmpty) => {
    const r = parseSubscribeArgs(arg, 'UTC');
    expect(r).toMatchObject({ ok: true, zone, whenEmpty });
    if (r.ok) expect(r.spec.expression).toBe(expression);
  });

  it('uses the default zone, which also decides what "weekdays" means', () => {
    const r = parseSubscribeArgs('weekdays 07:00', 'Asia/Riyadh');
    expect(r.ok && [r.zone, r.spec.expression]).toEqual(['Asia/Riyadh', '0 7 * * 0-4']);
  });

  it.each([
    ['', { kind: 'usage' }],
    ['Asia/Riyadh', { kind: 'usage' }],
    ['note', { kind: 'usage' }],
    ['daily 08:00 Asia/Ryadh', { kind: 'zone', input: 'Asia/Ryadh', suggestions: ['Asia/Riyadh'] }],
    ['daily 08:00 Riyadh', { kind: 'zone', input: 'Riyadh', suggestions: ['Asia/Riyadh'], schedule: 'daily 08:00' }],
    ['يوميا 08:00 المريخ', { kind: 'zone', input: 'المريخ', suggestions: [], schedule: 'يوميا 08:00' }],
    ['يوميا 08:00 الرياص', { kind: 'zone', input: 'الرياص', suggestions: ['الرياض'], schedule: 'يوميا 08:00' }],
    ['daily 08:00 UTC+3', { kind: 'zone', input: 'UTC+3', suggestions: [] }],
    ['daily 25:00 Asia/Riyadh', { kind: 'schedule', input: 'daily 25:00', problem: { kind: 'time', value: '25:00' } }],
    ['whenever', { kind: 'schedule', input: 'whenever', problem: { kind: 'syntax' } }],
    ['متى شئت', { kind: 'schedule', input: 'متى شئت', problem: { kind: 'syntax' } }],
    ['*/5 * * * *', { kind: 'schedule', input: '*/5 * * * *', problem: { kind: 'tooOften' } }],
  ])('%j is refused: %j', (arg, problem) => {
    expect(parseSubscribeArgs(arg, 'UTC')).toEqual({ ok: false, problem });
  });
});
