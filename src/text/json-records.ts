// JSON objects around the matrix: `{"logits": [[…]]}` as Hugging Face tools write it, one
// object per line in a training log (JSON Lines), a JSON array of such objects, and Python's
// dict repr (`{'logits': tensor([[…]])}`). Each object is held until it closes (not the whole
// input), its fields found, and the one holding the numbers handed to the matrix reader:
// the field named by --key (a dotted path, `outputs.logits`), else the only field holding an
// array of numbers. The first object decides the field; every later one must have it. The
// values of successive objects are rows appended one after another (a vector is one row).
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';

/** A field's value, as a range of the input: its dotted path, and whether it is an array (or a call) of numbers. */
interface Field {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly numbers: boolean;
}

/** An object being read: the path of its fields, and what comes next in it. */
interface Frame {
  readonly prefix: string;
  expect: 'key' | 'colon' | 'value' | 'comma';
  key: string;
}

/** Characters kept of a key (a longer one is cut, for the messages). */
const KEY_KEPT = 200;
/** Fields listed in a message. */
const LISTED = 20;
/** Characters kept of the start of an array, to tell whether it holds numbers. */
const PROBE_KEPT = 64;
/**
 * An array of numbers, a call around one (`tensor([`, `np.array(`), or a list of NumPy or
 * PyTorch scalars: what the matrix reader reads.
 */
const NUMBERS_START =
  /^(?:[A-Za-z_][\w.]*\s*\(\s*)?[\s[(]*(?:[-+.\d]|NaN\b|-?Infinity\b|-?inf\b|(?:np|numpy)\.\w+\(|(?:torch\.)?tensor\()/;
/** Where an unquoted scalar (a number, true, null) ends. */
const SCALAR_END = /[\s,}\]]/;

/** Blank space between the parts of a JSON text. */
function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff';
}

export class JsonRecords {
  /** The text of the object being read, in the chunks it came in, and where the first starts. */
  private held: string[] = [];
  private heldStart = 0;
  /** Where the last chunk held starts in the input. */
  private lastStart = 0;
  private offset = 0;
  private readonly frames: Frame[] = [];
  private fields: Field[] = [];
  /** Every key seen in the object (dotted), for the messages. */
  private keys: string[] = [];
  /** The field chosen by the first object (or --key). */
  private chosen: string | undefined;
  /** The input is a JSON array of objects: '[' seen, and whether it closed. */
  private list: 'no' | 'open' | 'closed' = 'no';
  private records = 0;
  // A string being read: its quote, whether the last character was a backslash, its role.
  private quote = '';
  private escaped = false;
  private stringRole: 'key' | 'value' = 'key';
  // A value being read: an array or a call (nested brackets counted), or an unquoted scalar.
  private value: 'none' | 'brackets' | 'scalar' = 'none';
  private valueStart = 0;
  private valueDepth = 0;
  private valueQuote = '';
  private valueEscaped = false;
  private probe = '';
  // Where the object being read began, and the current position, for the messages.
  private line = 1;
  private column = 0;
  private recordLine = 1;

  /**
   * `emit`: text for the matrix reader (a field's value, then a newline that ends its rows).
   * `key`: the dotted path given with --key.
   */
  constructor(
    private readonly source: MessageParam,
    private readonly emit: (text: string) => void,
    private readonly key: string | undefined,
  ) {
    this.chosen = key;
  }

  feed(text: string): void {
    if (this.frames.length === 0 && this.value === 'none') {
      // Between objects nothing is held.
      this.held = [];
      this.heldStart = this.offset;
    }
    this.held.push(text);
    this.lastStart = this.offset;
    for (let k = 0; k < text.length; k++) this.step(text[k], this.offset + k);
    this.offset += text.length;
  }

  finish(): void {
    if (this.frames.length > 0 || this.quote !== '' || this.value === 'brackets')
      throw new XentError('err.json.unclosed', { source: this.source, line: this.recordLine });
    if (this.list === 'open') throw new XentError('err.json.unclosed', { source: this.source, line: this.recordLine });
    if (this.records === 0) throw new XentError('err.empty', { source: this.source });
  }

  private step(c: string, at: number): void {
    if (c === '\n') {
      this.line++;
      this.column = 0;
    } else this.column++;
    if (this.value === 'brackets') {
      this.inBrackets(c, at);
      return;
    }
    if (this.value === 'scalar') {
      // The character that ends an unquoted scalar (`,`, `}`) is then read as the object's.
      if (SCALAR_END.test(c)) this.endValue(at, false);
      else if (c === '(') {
        // A name before '(': a call around the data, `tensor([...])`.
        this.value = 'brackets';
        this.valueDepth = 1;
        this.probe = this.textOf(this.valueStart, at + 1);
        return;
      } else return;
    }
    if (this.quote !== '') {
      this.inString(c, at);
      return;
    }
    const frame = this.frames[this.frames.length - 1];
    if (isBlank(c)) return;
    if (!frame) {
      this.between(c, at);
      return;
    }
    switch (frame.expect) {
      case 'key':
        if (c === '"' || c === "'") {
          this.openString(c, 'key');
          frame.key = '';
        } else if (c === '}') this.closeObject(at);
        else this.unexpected(c);
        return;
      case 'colon':
        if (c === ':') frame.expect = 'value';
        else this.unexpected(c);
        return;
      case 'value':
        this.startValue(c, at, frame);
        return;
      default:
        if (c === ',') frame.expect = 'key';
        else if (c === '}') this.closeObject(at);
        else this.unexpected(c);
    }
  }

  /** Outside every object: an object opens, or the brackets of a list of them. */
  private between(c: string, at: number): void {
    if (c === '{') {
      this.frames.push({ prefix: '', expect: 'key', key: '' });
      this.recordLine = this.line;
      this.fields = [];
      this.keys = [];
      this.keepFrom(at);
      return;
    }
    if (c === '[' && this.list === 'no' && this.records === 0) this.list = 'open';
    else if (c === ',' && this.list === 'open' && this.records > 0) return;
    else if (c === ']' && this.list === 'open') this.list = 'closed';
    else this.unexpected(c);
  }

  private startValue(c: string, at: number, frame: Frame): void {
    const path = frame.prefix + frame.key;
    frame.expect = 'comma';
    this.valueStart = at;
    if (c === '{') {
      this.frames.push({ prefix: `${path}.`, expect: 'key', key: '' });
      return;
    }
    if (c === '"' || c === "'") {
      this.openString(c, 'value');
      return;
    }
    if (c === '[') {
      this.value = 'brackets';
      this.valueDepth = 1;
      this.probe = c;
      return;
    }
    if (c === ',' || c === '}' || c === ']' || c === ':') this.unexpected(c);
    this.value = 'scalar';
  }

  /** A character of an array or call value: brackets and strings in it are counted to find its end. */
  private inBrackets(c: string, at: number): void {
    if (this.probe.length < PROBE_KEPT) this.probe += c;
    if (this.valueQuote !== '') {
      if (this.valueEscaped) this.valueEscaped = false;
      else if (c === '\\') this.valueEscaped = true;
      else if (c === this.valueQuote) this.valueQuote = '';
      return;
    }
    if (c === '"' || c === "'") this.valueQuote = c;
    else if (c === '[' || c === '(' || c === '{') this.valueDepth++;
    else if (c === ']' || c === ')' || c === '}') {
      this.valueDepth--;
      if (this.valueDepth === 0) this.endValue(at + 1, NUMBERS_START.test(this.probe));
    }
  }

  private openString(quote: string, role: 'key' | 'value'): void {
    this.quote = quote;
    this.escaped = false;
    this.stringRole = role;
  }

  private inString(c: string, at: number): void {
    const frame = this.frames[this.frames.length - 1];
    if (this.escaped) this.escaped = false;
    else if (c === '\\') {
      this.escaped = true;
      return;
    } else if (c === this.quote) {
      this.quote = '';
      if (this.stringRole === 'key') {
        frame.expect = 'colon';
        this.keys.push(frame.prefix + frame.key);
      } else this.addField(at + 1, false);
      return;
    }
    if (this.stringRole === 'key' && frame.key.length < KEY_KEPT) frame.key += c;
  }

  /** A value that is not an object ends at `end` (exclusive). */
  private endValue(end: number, numbers: boolean): void {
    this.value = 'none';
    this.addField(end, numbers);
  }

  private addField(end: number, numbers: boolean): void {
    const frame = this.frames[this.frames.length - 1];
    this.fields.push({ path: frame.prefix + frame.key, start: this.valueStart, end, numbers });
  }

  private closeObject(at: number): void {
    this.frames.pop();
    if (this.frames.length > 0) return;
    this.records++;
    this.emitRecord(at + 1);
  }

  /** A whole object is read: its field's value goes to the matrix reader. */
  private emitRecord(end: number): void {
    const numeric = this.fields.filter((f) => f.numbers);
    if (this.chosen === undefined) {
      if (numeric.length === 1) this.chosen = numeric[0].path;
      else if (numeric.length === 0)
        throw new XentError('err.json.noNumbers', {
          source: this.source,
          line: this.recordLine,
          keys: this.listed(this.keys),
        });
      else {
        throw new XentError('err.json.ambiguous', {
          source: this.source,
          keys: this.listed(numeric.map((f) => f.path)),
          first: numeric[0].path,
        });
      }
    }
    const field = this.fields.find((f) => f.path === this.chosen);
    if (!field) {
      throw new XentError('err.json.keyMissing', {
        source: this.source,
        key: this.chosen,
        line: this.recordLine,
        keys: this.listed(this.keys),
      });
    }
    this.emitRange(field.start, field.end);
    this.emit('\n');
    // The rest of the last chunk may hold the next object.
    this.keepFrom(end);
  }

  /** Drops the text held before `at`, which is in the last chunk held. */
  private keepFrom(at: number): void {
    const last = this.held[this.held.length - 1];
    this.held = [last.slice(at - this.lastStart)];
    this.heldStart = at;
    this.lastStart = at;
  }

  /** Characters start…end of the input, from the chunks held, in pieces. */
  private emitRange(start: number, end: number): void {
    for (const piece of this.piecesOf(start, end)) this.emit(piece);
  }

  private textOf(start: number, end: number): string {
    return this.piecesOf(start, end).join('');
  }

  /** Characters start…end of the input, one piece from each chunk held that has some. */
  private piecesOf(start: number, end: number): string[] {
    const pieces: string[] = [];
    let chunkStart = this.heldStart;
    for (const chunk of this.held) {
      const chunkEnd = chunkStart + chunk.length;
      if (chunkEnd > start && chunkStart < end)
        pieces.push(chunk.slice(Math.max(0, start - chunkStart), Math.min(chunk.length, end - chunkStart)));
      chunkStart = chunkEnd;
    }
    return pieces;
  }

  private listed(keys: readonly string[]): MessageParam {
    if (keys.length === 0) return '—';
    return { list: keys.length > LISTED ? [...keys.slice(0, LISTED), '…'] : keys };
  }

  private unexpected(c: string): never {
    throw new XentError('err.json.unexpected', { source: this.source, token: c, line: this.line, column: this.column });
  }
}
