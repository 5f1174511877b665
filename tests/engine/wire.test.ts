/**
 * The wire between the grader and a sandbox: values survive the trip exactly,
 * and whatever a hostile child writes instead is refused before the grader
 * holds it — oversized, malformed, deeply nested, or pointing outside its frame.
 */
import { describe, expect, it } from 'vitest';
import { nd, typedNdArray, type NdArray } from '../../graders/engine/ndarray';
import * as tf from '@tensorflow/tfjs';
import { fromTf } from '../../graders/engine/codec';
import { compareValues } from '../../graders/engine/compare';
import { decodeRunnerMessage } from '../../graders/engine/sandbox/runner-message';
import { encodeFrame, FrameReader, fromWire, WireError, wireValue } from '../../graders/engine/sandbox/wire';
import type { Value } from '../../graders/engine/values';

/** A call's reply token (CallRequest.reply). */
const REPLY = '0123456789abcdef0123456789abcdef';

const roundTrip = (v: Value) => {
  const frames = new FrameReader().push(encodeFrame({ type: 'result', reply: REPLY, id: 1, outcome: { status: 'ok', value: wireValue(v), output: '' } }));
  expect(frames).toHaveLength(1);
  const m = decodeRunnerMessage(frames[0]!);
  if (m.type !== 'result' || m.outcome.status !== 'ok') throw new Error('not an ok result');
  return m.outcome.value;
};

/** A frame as a hostile child could write it: any JSON, any binary part. */
const rawFrame = (json: string, binary = Buffer.alloc(0), declared?: number) => {
  const j = Buffer.from(json);
  const pad = (4 - (j.length % 4)) % 4;
  const body = 4 + j.length + pad + binary.length;
  const head = Buffer.alloc(8);
  head.writeUInt32LE(declared ?? body, 0);
  head.writeUInt32LE(j.length, 4);
  return Buffer.concat([head, j, Buffer.alloc(pad), binary]);
};
const decodeRaw = (frame: Buffer) => new FrameReader().push(frame).map(decodeRunnerMessage);

describe('the sandbox wire', () => {
  it('carries tensors, records, arrays and the values JSON cannot hold', () => {
    const value: Value = {
      kind: 'not a tag',
      W: nd([0.1, -2, 3.5, NaN], [2, 2]),
      ids: nd([1, 2, 3], [3], 'int32'),
      mask: nd([1, 0], [2], 'bool'),
      list: [undefined, NaN, Infinity, -Infinity, -0, null, 'text', true],
      opaque: { kind: 'opaque', description: 'a function' },
    };
    const back = roundTrip(value) as Record<string, unknown>;
    expect(back.kind).toBe('not a tag');
    expect(back.W).toEqual(nd([0.1, -2, 3.5, NaN], [2, 2]));
    expect(back.ids).toEqual(nd([1, 2, 3], [3], 'int32'));
    expect(back.mask).toEqual(nd([1, 0], [2], 'bool'));
    const list = back.list as unknown[];
    expect(list[0]).toBeUndefined();
    expect(list[1]).toBeNaN();
    expect(list.slice(2, 4)).toEqual([Infinity, -Infinity]);
    expect(Object.is(list[4], -0)).toBe(true);
    expect(list.slice(5)).toEqual([null, 'text', true]);
    expect(back.opaque).toEqual({ kind: 'opaque', description: 'a function' });
  });

  it('reassembles frames split across chunks and several frames in one chunk', () => {
    const a = encodeFrame({ type: 'ready' });
    const b = encodeFrame({ type: 'loaded', reply: REPLY, module: 'x-1.mjs' });
    const reader = new FrameReader();
    const both = Buffer.concat([a, b]);
    const got = [...reader.push(both.subarray(0, 3)), ...reader.push(both.subarray(3, a.length + 5)), ...reader.push(both.subarray(a.length + 5))];
    expect(got.map((f) => f.json)).toEqual([{ type: 'ready' }, { type: 'loaded', reply: REPLY, module: 'x-1.mjs' }]);
  });

  it('refuses a frame over the size limit from its header, before reading the rest', () => {
    const reader = new FrameReader(1024);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(2 ** 31, 0);
    expect(() => reader.push(head)).toThrow(/over the 0\.0 MB limit|over the .* limit/);
  });

  it('refuses what does not match the wire schema', () => {
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":""}}'))).toThrow(WireError);
    // An answer without a well-formed reply token was not written by the runner.
    expect(() => decodeRaw(rawFrame('{"type":"result","id":1,"outcome":{"status":"ok","value":1,"output":""}}'))).toThrow(/required property 'reply'/);
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"forged","id":1,"outcome":{"status":"ok","value":1,"output":""}}'))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame('{"type":"loaded","module":"x-1.mjs"}'))).toThrow(/required property 'reply'/);
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"passed","value":1,"output":""}}'))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame('{"type":"grade","score":100}'))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame(`{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"threw","message":"${'x'.repeat(30000)}","output":""}}`))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame('not json'))).toThrow(/not valid JSON/);
    // Each union is checked by its tag alone (the discriminator): an unknown tag, a missing one, or a value of a
    // known kind that lacks its fields, at any depth, is still refused.
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"passed","value":1,"output":""}}'))).toThrow(/status/);
    expect(() => decodeRaw(rawFrame('{"id":1,"outcome":{"status":"ok","value":1,"output":""}}'))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":{"kind":"record","fields":{"a":{"kind":"zz"}}}}}'))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":[{"kind":"ndarray","shape":[1],"dtype":"float32"}]}}'))).toThrow(/malformed/);
    expect(() => decodeRaw(rawFrame('{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":{"kind":"undefined","extra":1}}}'))).toThrow(/malformed/);
  });

  it('never takes a record shaped like one of its own values for that value (a tensor with unchecked data)', () => {
    const fake = JSON.stringify({
      type: 'result',
      reply: REPLY,
      id: 1,
      outcome: { status: 'ok', output: '', value: { kind: 'record', fields: { kind: 'ndarray', shape: [1, 5], dtype: 'float32', data: [] } } },
    });
    const [m] = decodeRaw(rawFrame(fake));
    expect(m).toMatchObject({ type: 'result', outcome: { status: 'ok', value: { kind: 'opaque', description: 'a record with kind "ndarray"' } } });
    for (const kind of ['opaque', 'export']) {
      const [r] = decodeRaw(rawFrame(fake.replace('"kind":"ndarray"', `"kind":"${kind}"`)));
      expect(r).toMatchObject({ outcome: { value: { kind: 'opaque', description: `a record with kind "${kind}"` } } });
    }
  });

  it('refuses nesting too deep to walk and tensors whose data lies outside the frame', () => {
    const deep = '{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":' + '['.repeat(100000) + ']'.repeat(100000) + '}}';
    expect(() => decodeRaw(rawFrame(deep))).toThrow(/nested too deeply/);
    const outside = '{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":{"kind":"ndarray","shape":[4],"dtype":"float32","offset":0,"length":4}}}';
    expect(() => decodeRaw(rawFrame(outside, Buffer.alloc(8)))).toThrow(/outside its message/);
    const misfit = '{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":{"kind":"ndarray","shape":[3],"dtype":"float32","offset":0,"length":2}}}';
    expect(() => decodeRaw(rawFrame(misfit, Buffer.alloc(8)))).toThrow(/shape \[3\] with 2 values/);
  });

  it("carries the sandbox's typed tensor data both ways with the same values, and still refuses a bad bool", () => {
    const W = nd([0.1, -2, NaN, -0], [2, 2]);
    const value: Value = { W, ids: nd([7, -3], [2], 'int32'), mask: nd([1, 0, 1], [3], 'bool') };
    // Grader to sandbox: read with typed data (runner.ts), the arrays are the wire's own, values unchanged.
    const [frame] = new FrameReader().push(encodeFrame({ type: 'call', args: [wireValue(value)] }));
    const typed = fromWire((frame!.json as { args: unknown[] }).args[0], frame!.binary, Infinity, true) as Record<string, NdArray>;
    expect(typed.W!.data).toBeInstanceOf(Float32Array);
    expect(typed.ids!.data).toBeInstanceOf(Int32Array);
    expect(Array.from(typed.W!.data)).toEqual(W.data);
    expect(Object.is(typed.W!.data[3], -0)).toBe(true);
    expect(Array.from(typed.ids!.data)).toEqual([7, -3]);
    expect(Array.from(typed.mask!.data)).toEqual([1, 0, 1]);
    // Sandbox to grader: a result holding typed data (codec.ts fromTf in the sandbox, a bool tensor's Uint8Array
    // included) arrives as the grader's plain NdArrays, equal to those made from number[].
    const sent = { ...typed, mask: typedNdArray(Uint8Array.from([1, 0, 1]), [3], 'bool') };
    const back = roundTrip(sent) as Record<string, unknown>;
    expect(back).toEqual(roundTrip(value));
    expect(Array.isArray((back.W as NdArray).data)).toBe(true);
    expect(back.mask).toEqual(nd([1, 0, 1], [3], 'bool'));
    const badBool = '{"type":"result","reply":"0123456789abcdef0123456789abcdef","id":1,"outcome":{"status":"ok","output":"","value":{"kind":"ndarray","shape":[2],"dtype":"bool","offset":0,"length":2}}}';
    const two = Buffer.alloc(8);
    two.writeInt32LE(2, 4);
    const [bad] = new FrameReader().push(rawFrame(badBool, two));
    const badValue = ((bad!.json as { outcome: { value: unknown } }).outcome).value;
    expect(() => fromWire(badValue, bad!.binary, Infinity, true)).toThrow(/bool tensor holding values other than 0 and 1/);
    expect(() => fromWire(badValue, bad!.binary, Infinity)).toThrow(/bool tensor holding values other than 0 and 1/);
  });

  it('turns a tensor over the element limit into a description instead of reading it', () => {
    expect(fromWire({ kind: 'ndarray', shape: [10], dtype: 'float32', offset: 0, length: 10 }, Buffer.alloc(40), 5)).toEqual({
      kind: 'opaque',
      description: 'a tensor of shape [10], too large to check',
    });
  });

  // A record key of millions of characters, named in a message, filled reports by the hundreds of megabytes.
  it('keeps record keys short: the codec, the wire and the messages that name them', () => {
    const huge = 'k'.repeat(1_000_000);
    expect(fromTf({ [huge]: 1 }, tf)).toEqual({ kind: 'opaque', description: 'an object with a key of 1000000 characters, too long to check' });
    const long = JSON.stringify({ type: 'result', reply: REPLY, id: 1, outcome: { status: 'ok', output: '', value: { kind: 'record', fields: { ['k'.repeat(201)]: 1 } } } });
    expect(() => decodeRaw(rawFrame(long))).toThrow(/malformed/);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${'x'.repeat(100)}${i}`, 1]));
    const message = compareValues({ gaps: 1 }, many, undefined, {}, 'output')!.message;
    expect(message.length).toBeLessThan(800);
    expect(message).toContain('and 28 more');
  });
});
