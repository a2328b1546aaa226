package dev.assay.identifiers.detect;

import java.nio.CharBuffer;

/**
 * Chars of an array seen as a {@link CharSequence}, without a copy: how the {@link Detector} reads
 * every text, so that a window arriving as an array-backed {@link java.nio.CharBuffer} is read in
 * place instead of being copied into a String first (a copy and a Latin-1 compression of every
 * window, measured at 8% of a scan of log text). A final class, the only text type the detector's
 * passes see, so that the JIT inlines {@link #charAt} wherever seeds, validators and re2j read it.
 *
 * <p>A view: it does not own the array, and is valid only while its owner leaves the array alone
 * (the detector's scan of one window). Offsets are 0-based, relative to {@code offset}. Not
 * thread-safe if the array changes; immutable otherwise.
 */
final class CharArrayText implements CharSequence {
  final char[] chars;
  final int offset;
  private final int length;

  CharArrayText(char[] chars, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > chars.length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " of " + chars.length);
    }
    this.chars = chars;
    this.offset = offset;
    this.length = length;
  }

  /** {@code text} itself, a view of a CharBuffer's own array, or else a copy of its chars. */
  static CharArrayText of(CharSequence text) {
    if (text instanceof CharArrayText view) {
      return view;
    }
    if (text instanceof CharBuffer buffer && buffer.hasArray()) {
      return new CharArrayText(
          buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    char[] chars = text.toString().toCharArray();
    return new CharArrayText(chars, 0, chars.length);
  }

  /** The first {@code length} chars, without a copy: a region's search stops there. */
  CharArrayText prefix(int length) {
    return new CharArrayText(chars, offset, length);
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return chars[offset + index];
  }

  /** A String copy of {@code [start, end)}: callers keep what they take out, never the view. */
  @Override
  public CharSequence subSequence(int start, int end) {
    if (start < 0 || end > length || start > end) {
      throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
    }
    return new String(chars, offset + start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, offset, length);
  }
}
