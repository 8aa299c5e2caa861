#!/usr/bin/env python3
"""Doc-comment coverage of the public API of frontline's Swift library modules.

Scans Sources/<Module>/**/*.swift for every library module (all of Sources/* but the C wrapper
modules CGEOS, CPROJ, ... and the CLI Sources/frontline) and finds each public declaration: a line
whose modifiers (after any @attributes) include `public` or `open`, an enum `case` line in the body of
a public enum, a member of a `public extension` block, and a requirement of a public protocol. A
declaration is documented when the line above it (attribute lines skipped) is a `///` comment.

Prints "module: documented/total" per module; with --list also each undocumented declaration as
file:line: text. Exits 1 if any declaration is undocumented.

Usage: tools/doc_coverage.py [--list] [--root DIR] [MODULE ...]
"""
import argparse
import pathlib
import re
import sys

ATTR = re.compile(r'^@\w+(\([^()]*(\([^()]*\)[^()]*)*\))?\s*')
MODIFIERS = {'public', 'open', 'private', 'fileprivate', 'internal', 'package', 'final', 'override', 'static',
             'class', 'nonisolated', 'convenience', 'required', 'mutating', 'nonmutating', 'indirect', 'lazy',
             'dynamic', 'weak', 'unowned', 'optional', 'prefix', 'postfix', 'infix', 'consuming', 'borrowing'}
DECL = {'func', 'var', 'let', 'init', 'subscript', 'typealias', 'struct', 'class', 'enum', 'protocol', 'actor',
        'case', 'associatedtype', 'extension', 'deinit', 'init?', 'init!', 'macro'}


def code_of(lines):
    """Each line with strings and comments blanked out (state carried over lines for /* */ and \"\"\")."""
    out, in_block, in_multi = [], 0, None
    for line in lines:
        buf, i, n = [], 0, len(line)
        while i < n:
            if in_block:
                if line.startswith('*/', i): in_block -= 1; i += 2
                elif line.startswith('/*', i): in_block += 1; i += 2
                else: i += 1
            elif in_multi:
                if line.startswith(in_multi, i): i += len(in_multi); in_multi = None
                else: i += 2 if line[i] == '\\' else 1
            elif line.startswith('//', i): break
            elif line.startswith('/*', i): in_block = 1; i += 2
            else:
                m = re.match(r'(#*)("""|")', line[i:])
                if not m: buf.append(line[i]); i += 1; continue
                close = m.group(2) + m.group(1)
                i += m.end()
                if m.group(2) == '"""': in_multi = close; continue
                while i < n and not line.startswith(close, i):
                    i += 2 if line[i] == '\\' and not m.group(1) else 1
                i += len(close)
                buf.append('""')
        out.append(''.join(buf))
    return out


def head(code):
    """(modifiers, keyword) of a declaration line, else None."""
    s = code.strip()
    while s.startswith('@'):
        m = ATTR.match(s)
        if not m: return None
        s = s[m.end():]
    mods, words = [], [w.split('(')[0] for w in re.findall(r'[\w?!]+(?:\(\w+\))?', s)]
    for k, word in enumerate(words):
        if word == 'class' and k + 1 < len(words) and words[k + 1] in DECL | MODIFIERS:
            mods.append(word)           # `class func`, `class var`: a modifier
        elif word in DECL:
            return mods, word
        elif word in MODIFIERS:
            mods.append(word)
        else:
            return None
    return None


def scan(path):
    """Yield (line number, declaration text, documented?) for each public declaration of a file."""
    lines = path.read_text(encoding='utf-8').splitlines()
    stack, pending = [], None        # stack of (kind, implicitly_public); kind: enum/ext/proto/other
    for i, code in enumerate(code_of(lines)):
        h = head(code)
        ctx = stack[-1] if stack else ('other', False)
        public = False
        if h:
            mods, kw = h
            explicit = 'public' in mods or 'open' in mods
            hidden = bool({'private', 'fileprivate', 'internal', 'package'} & set(mods))
            if kw == 'extension':
                public = False
            elif kw == 'case':
                public = ctx[0] == 'enum' and ctx[1]
            else:
                public = explicit or (ctx[0] in ('ext', 'proto') and ctx[1] and not hidden)
            if kw in ('enum', 'protocol', 'extension', 'struct', 'class', 'actor'):
                pending = ({'enum': 'enum', 'protocol': 'proto', 'extension': 'ext'}.get(kw, 'other'),
                           explicit or (kw != 'extension' and public))
            if public:
                j = i - 1
                while j >= 0 and lines[j].strip().startswith('@'): j -= 1
                yield i + 1, lines[i].strip(), j >= 0 and lines[j].strip().startswith('///')
        for ch in code:
            if ch == '{':
                stack.append(pending or ('other', False)); pending = None
            elif ch == '}' and stack:
                stack.pop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--list', action='store_true', help='list each undocumented declaration')
    ap.add_argument('--root', default=str(pathlib.Path(__file__).resolve().parent.parent))
    ap.add_argument('modules', nargs='*', help='modules to check (default: every library module)')
    args = ap.parse_args()
    sources = pathlib.Path(args.root) / 'Sources'
    modules = args.modules or sorted(d.name for d in sources.iterdir() if d.is_dir() and d.name != 'frontline'
                                     and not re.match(r'C[A-Z]', d.name) and any(d.rglob('*.swift')))
    missing = 0
    for module in modules:
        done = total = 0
        undocumented = []
        for f in sorted((sources / module).rglob('*.swift')):
            for n, text, ok in scan(f):
                total += 1; done += ok
                if not ok: undocumented.append(f'{f.relative_to(args.root)}:{n}: {text}')
        missing += total - done
        print(f'{module}: {done}/{total}')
        if args.list:
            for u in undocumented: print('  ' + u)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
