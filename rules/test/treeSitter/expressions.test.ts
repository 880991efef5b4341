// Each expression and literal form, converted from tree-sitter, equals @solidity-parser/parser's AST (issue 11),
// including that parser's quirks (`address(x)` calls an identifier, `(a)` is a one-component tuple, `x[]` is an
// array type, `a = b = c` nests to the left) and the nestings tree-sitter-solidity gets wrong and the converter
// repairs (`a - b[c]`, `!a.f()`, `ok && x.y == z`, `a ** b ** c`, `a ? b : c ? d : e`).

import * as assert from 'node:assert/strict';
import { loadTreeSitter, parseWithTreeSitter } from '../../src/parse/treeSitter';
import { assertConvertsLikeOracle, inFunction } from '../support/treeSitterOracle';

const EXPRESSIONS: Record<string, string> = {
  'identifiers': 'a; msg.sender; this; super;',
  'binary operators': 'a || b; a && b; a == b; a != b; a < b; a > b; a <= b; a >= b; a | b; a ^ b; a & b; a << b; a >> b; a + b; a - b; a * b; a / b; a % b; a ** b;',
  'operator precedence': 'a + b * c - d / e % f; a << 1 + b; a & b | c ^ d; a < b == c > d; a || b && c; -a ** b; a ** -b;',
  'left-associative chains': 'a - b - c; a / b / c; a && b && c;',
  'a right-associative ** chain (tree-sitter nests it to the left)': 'a ** b ** c; a ** b ** c ** d; (a ** b) ** c; a * b ** c ** d;',
  'prefix operators': '-a; !b; ~c; delete d; ++e; --f; - -g; !!h;',
  'postfix operators': 'a++; b--; a++ + b; c[i]++;',
  'assignment and augmented assignment': 'a = 1; a += 1; a -= 1; a *= 1; a /= 1; a %= 1; a |= 1; a &= 1; a ^= 1; a <<= 1; a >>= 1;',
  'chained assignments, nested to the left as @solidity-parser/parser does': 'a = b = c; a = b = c = d; a += b[i] = c;',
  'a ternary, and a ternary chain (tree-sitter nests it to the left)': 'a ? b : c; a ? b : c ? d : e; a ? b ? c : d : e; (a ? b : c) ? d : e; x = a ? b : c;',
  'ternaries with looser and tighter operands': 'a || b ? c + d : e = f; a ? b : c.d + e; x = a.b ? c : d;',
  'postfix operations tree-sitter applies to a whole operator expression': 'a - b[c]; -a[i]; delete a[i]; ++a[i]; !to.send(amount); a + b.c.d; a + b.c[d].e; a + b[1:2]; a && !b[c]; x = a == b[c]; a ? b : c[d]; a + b.c();',
  'operators around a repaired postfix operation': 'ok && x.f() == y; a || b.c >= d; a == 0 || m[x][y] == 0; c && address(this).balance != b; x + y.z * w;',
  'calls': 'f(); f(1); f(1, a + b); a.b.c(1)(2);',
  'named arguments': 'f({a: 1, b: 2}); S({a: 1});',
  'call options': 'f{value: 1}(); f{value: 1, gas: 2}(a, b); x.y{value: 1}; a.call{value: v}("");',
  'member access': 'a.b; a.b.c; (a).b; f().x; a[1].b;',
  'index access': 'x[i]; a[1][2]; m[a][b][c]; f()[0];',
  'index range access': 'x[1:2]; x[:2]; x[1:]; x[:]; msg.data[4:];',
  'new': 'new C(); new C; new uint[](3); new C{salt: s}(1); new C{value: 1}(); new C().f(); new bytes(n);',
  'new with a dotted type (tree-sitter ends `new` at the first name)': 'new A.B(1); new A.B; new A.B.C[](n); new A.B[2][](n); new A.B[][](n); new A.B{value: 1}(1);',
  'elementary types as expressions': 'uint256(x); address(x); address payable(x); payable(x); string(x); bytes(x); bytes32(x); bool(x); int8(x);',
  'members of elementary types': 'bytes.concat(a, b); string.concat(a); address(this).balance; payable(x).transfer(1);',
  'type(T)': 'type(C).interfaceId; type(I.J).name; type(uint).max; type(int256).min; type(C).creationCode;',
  'array types as expressions (abi.decode)':
    'abi.decode(d, (uint[], address, C, I.S, bytes32[2], I.S[], uint[][], x[][], uint[2][], x[1][], address[], string, bytes, x[1], address payable[]));',
  'bracket chains as types or index accesses': 'a.b[]; uint[2][3]; address[2];',
  'tuples and inline arrays': '(a, b) = (b, a); (a, , b) = f(); (, a) = f(); (a,) = f(); [1, 2, 3]; [a];',
  'parenthesised expressions': '(a); ((a)); (a + b) * c; (a);',
  'number literals': 'x = 1; x = 0x1F; x = 0X0a; x = 1_000; x = 1e18; x = 1E-3; x = 2.5; x = .5; x = 0;',
  'number literals with subdenominations': 'x = 1 wei; x = 1 gwei; x = 1 ether; x = 2.5 ether; x = 1 seconds; x = 2 minutes; x = 3 hours; x = 4 days; x = 5 weeks;',
  'string literals': 'x = "a"; x = \'b\'; x = ""; x = "a" \'b\' "c"; x = \'b\\\'c\'; x = "d\\"e"; x = "\\x41\\n\\u0041";',
  'unicode string literals': 'x = unicode"héllo 😃"; x = unicode\'x\'; x = unicode"a" unicode"b";',
  'hex literals': 'x = hex"00ff"; x = hex\'\'; x = hex"00_ff"; x = hex"00" hex\'ab\';',
  'boolean literals': 'x = true; x = false; x = !true;',
  'comments inside expressions': 'a /* c */ + b; f(a, // c\n      b); x = (a, /* gap */ , b);',
  'expressions over several lines': 'x = a\n      + b\n      * c;\n    f(\n      1,\n      "s"\n    );',
  'non-ASCII text before an expression (UTF-16 offsets)': 'x = "é😃"; y = a + b;',
};

const OLD_SYNTAX_EXPRESSIONS: Record<string, string> = {
  'old units and calls': 'x = 1 szabo; x = 1 finney; x = 1 years; a.call.value(1)(); a.f.gas(2)();',
};

describe('tree-sitter conversion: expressions', () => {
  before(loadTreeSitter);

  for (const [form, body] of Object.entries(EXPRESSIONS)) {
    it(form, () => assertConvertsLikeOracle(`pragma solidity ^0.8.0;\n${inFunction(body)}`));
  }
  for (const [form, body] of Object.entries(OLD_SYNTAX_EXPRESSIONS)) {
    it(form, () => assertConvertsLikeOracle(`pragma solidity ^0.4.24;\n${inFunction(body)}`));
  }

  it('a 250-deep ternary chain (as deep as @solidity-parser/parser goes)', () => {
    const chain = `${Array.from({ length: 250 }, (_, i) => `a == ${i} ? ${i}`).join(' : ')} : block.timestamp`;
    assertConvertsLikeOracle(inFunction(`x = ${chain};`));
  });

  describe('deeper than @solidity-parser/parser goes, without recursion per level', () => {
    /** The expression of the first statement of `f`, converted. */
    function firstExpression(body: string): Record<string, any> {
      const { ast, problems } = parseWithTreeSitter(inFunction(body));
      assert.deepEqual(problems.map((p) => p.message), []);
      const contract = ast.children[0] as any;
      return contract.subNodes[0].body.statements[0].expression;
    }

    it('a + a + … + a, 5,000 terms, nested to the left', () => {
      const body = `x = ${Array.from({ length: 5000 }, () => 'a').join(' + ')};`;
      let node = firstExpression(body).right;
      let depth = 0;
      while (node.type === 'BinaryOperation') {
        assert.equal(node.right.type, 'Identifier');
        node = node.left;
        depth++;
      }
      assert.equal(depth, 4999);
      assert.equal(node.type, 'Identifier');
    });

    it('a ternary chain of 5,000, nested to the right', () => {
      const body = `x = ${Array.from({ length: 5000 }, (_, i) => `a == ${i} ? ${i}`).join(' : ')} : b;`;
      let node = firstExpression(body).right;
      let depth = 0;
      while (node.type === 'Conditional') {
        assert.equal(node.trueExpression.number, String(depth));
        node = node.falseExpression;
        depth++;
      }
      assert.equal(depth, 5000);
      assert.equal(node.name, 'b');
    });

    it('calls nested 5,000 deep, f(f(f(…)))', () => {
      let node = firstExpression(`x = ${'f('.repeat(5000)}a${')'.repeat(5000)};`).right;
      let depth = 0;
      while (node.type === 'FunctionCall') {
        node = node.arguments[0];
        depth++;
      }
      assert.equal(depth, 5000);
      assert.equal(node.name, 'a');
    });

    it('a call chain of 5,000 links', () => {
      const body = `chain${'.next(a)'.repeat(5000)};`;
      let node = firstExpression(body);
      let links = 0;
      while (node.type === 'FunctionCall') {
        assert.equal(node.expression.memberName, 'next');
        node = node.expression.expression;
        links++;
      }
      assert.equal(links, 5000);
      assert.equal(node.name, 'chain');
    });
  });
});
