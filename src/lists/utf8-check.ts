// Streaming UTF-8 validation that can say where a bad byte is (TextDecoder's fatal mode cannot).
export interface Utf8Fault { offset: number; line: number; byte: number }

export class Utf8Validator {
  private offset = 0;
  private line = 1;
  private need = 0; // continuation bytes still expected
  private lo = 0x80; // bounds of the next continuation byte (tight after E0, ED, F0, F4)
  private hi = 0xbf;
  private seqLine = 1;
  private seqOffset = 0;
  private lead = 0;

  /** Returns the first fault in `buf`, or undefined when every byte so far is valid. */
  push(buf: Uint8Array): Utf8Fault | undefined {
    for (let i = 0; i < buf.length; i++, this.offset++) {
      const b = buf[i]!;
      if (this.need > 0) {
        // Report the sequence where it starts: its lead byte is what a person will look for.
        if (b < this.lo || b > this.hi) return { offset: this.seqOffset, line: this.seqLine, byte: this.lead };
        this.lo = 0x80; this.hi = 0xbf;
        this.need--;
        continue;
      }
      if (b === 0x0a) { this.line++; continue; }
      if (b < 0x80) continue;
      this.seqLine = this.line; this.seqOffset = this.offset; this.lead = b;
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) { this.need = 2; if (b === 0xe0) this.lo = 0xa0; if (b === 0xed) this.hi = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { this.need = 3; if (b === 0xf0) this.lo = 0x90; if (b === 0xf4) this.hi = 0x8f; }
      else return this.fault(b);
    }
    return undefined;
  }

  /** A multi-byte sequence cut off by the end of the file is a fault too. */
  end(): Utf8Fault | undefined {
    return this.need > 0 ? { offset: this.seqOffset, line: this.seqLine, byte: -1 } : undefined;
  }

  private fault(byte: number): Utf8Fault {
    return { offset: this.offset, line: this.line, byte };
  }
}

export function describeFault(f: Utf8Fault): string {
  return f.byte < 0
    ? `truncated UTF-8 sequence starting at byte offset ${f.offset}`
    : `invalid UTF-8 byte 0x${f.byte.toString(16).padStart(2, '0').toUpperCase()} at byte offset ${f.offset}`;
}
