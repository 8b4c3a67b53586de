// The Chevrotain parser. It builds the AST directly (embedded actions) and recovers from errors, so that one
// pass reports several problems. AST construction is wrapped in ACTION: it is skipped while Chevrotain
// records the grammar.
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.ts';
import type * as A from './ast.ts';
import { chineseErrors } from './errors.ts';

export class StdParser extends EmbeddedActionsParser {
  file = '';

  /**
   * `validate` runs Chevrotain's grammar validations (ambiguities, left recursion) while recording the grammar:
   * a test does (test/core/grammar-validation.test.ts); every other use skips them, as they only depend on
   * the grammar's source and cost most of the parser's construction (a cold `stdc check` waits for it).
   * `recovery` false makes a parser that stops at the first error, without the analysis error recovery needs
   * (a sixth of the construction): index.ts parses with it first and again with recovery only when it fails.
   */
  constructor(validate = false, recovery = true) {
    super(T.allTokens, { recoveryEnabled: recovery, maxLookahead: 3, errorMessageProvider: chineseErrors, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  // ---------- span helpers ----------

  /** A token inserted by error recovery has no position; anchor it at the previous real token. */
  private real(tok: IToken): IToken | undefined {
    if (tok && !Number.isNaN(tok.startOffset) && tok.startOffset !== undefined) return tok;
    const prev = this.LA(0); // inserted tokens are not in the input: this is the last real one consumed
    return prev && !Number.isNaN(prev.startOffset) && prev.startOffset !== undefined ? prev : undefined;
  }
  span(from: IToken, to: IToken): A.Span {
    const a = this.real(from);
    const b = this.real(to);
    return {
      file: this.file,
      start: a?.startOffset ?? 0,
      end: (b?.endOffset ?? a?.endOffset ?? 0) + 1,
      line: a?.startLine ?? 1,
      col: a?.startColumn ?? 1,
      endLine: b?.endLine ?? a?.endLine ?? 1,
      endCol: (b?.endColumn ?? a?.endColumn ?? 0) + 1
    };
  }
  spanJoin(a: A.Span | undefined, b: A.Span | undefined): A.Span {
    // Error recovery may leave a child out; its span then comes from what is there.
    if (!a || !b) return (a ?? b ?? this.span(this.LA(0), this.LA(0)));
    return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
  }
  private prev(): IToken {
    return this.LA(0);
  }
  private name(tok: IToken): A.Name {
    return { text: tok.image, span: this.span(tok, tok) };
  }
  private label(tok: IToken): A.Label {
    return { text: tok.image.slice(1, -1), span: this.span(tok, tok) };
  }
  private errorExpr(tok: IToken): A.Expr {
    return { kind: 'error', span: this.span(tok, tok) };
  }

  // ---------- file ----------

  public file_ = this.RULE('file', () => {
    const decls: A.Decl[] = [];
    this.MANY(() => {
      const d = this.SUBRULE(this.decl);
      this.ACTION(() => d && decls.push(d));
    });
    return decls;
  });

  private decl = this.RULE('decl', (): A.Decl => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.headerDecl) },
      { ALT: () => this.SUBRULE(this.orderDecl) },
      { ALT: () => this.SUBRULE(this.dateFieldDecl) },
      { ALT: () => this.SUBRULE(this.constDecl) },
      { ALT: () => this.SUBRULE(this.defineDecl) },
      { ALT: () => this.SUBRULE(this.windowDecl) },
      { ALT: () => this.SUBRULE(this.gateGroupDecl) },
      { ALT: () => this.SUBRULE(this.scoreTableDecl) },
      { ALT: () => this.SUBRULE(this.committeeDecl) },
      { ALT: () => this.SUBRULE(this.levelDecl) }
    ]);
  });

  private importDecl = this.RULE('importDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwImport);
    const path = this.CONSUME(T.StringLiteral);
    return this.ACTION(() => ({ kind: 'import', path: this.label(path), span: this.span(kw, path) }));
  });

  private headerDecl = this.RULE('headerDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwStandardSet);
    const name = this.CONSUME(T.StringLiteral);
    let year: A.Expr | undefined;
    let referenceDate: A.Expr | undefined;
    const issuers: A.Label[] = [];
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.KwYear);
            const e = this.SUBRULE(this.primary);
            this.ACTION(() => (year = e));
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwReferenceDate);
            const e = this.SUBRULE2(this.primary);
            this.ACTION(() => (referenceDate = e));
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwIssuer);
            const list = this.SUBRULE(this.labelList);
            this.ACTION(() => issuers.push(...list));
          }
        }
      ]);
    });
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({
      kind: 'header', name: this.label(name), year, referenceDate, issuers, span: this.span(kw, end)
    }));
  });

  private labelList = this.RULE('labelList', (): A.Label[] => {
    const out: A.Label[] = [];
    const first = this.CONSUME(T.StringLiteral);
    this.ACTION(() => out.push(this.label(first)));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      const s = this.CONSUME2(T.StringLiteral);
      this.ACTION(() => out.push(this.label(s)));
    });
    return out;
  });

  private path = this.RULE('path', (): A.Name[] => {
    const out: A.Name[] = [];
    const first = this.CONSUME(T.Identifier);
    this.ACTION(() => out.push(this.name(first)));
    this.MANY(() => {
      this.CONSUME(T.Dot);
      const seg = this.CONSUME2(T.Identifier);
      this.ACTION(() => out.push(this.name(seg)));
    });
    return out;
  });

  private orderDecl = this.RULE('orderDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwOrder);
    const field = this.SUBRULE(this.path);
    this.CONSUME(T.Colon);
    const values: A.Name[] = [];
    const first = this.CONSUME(T.Identifier);
    this.ACTION(() => values.push(this.name(first)));
    this.MANY(() => {
      this.CONSUME(T.Less);
      const v = this.CONSUME2(T.Identifier);
      this.ACTION(() => values.push(this.name(v)));
    });
    return this.ACTION(() => ({ kind: 'order', field, values, span: this.span(kw, this.prev()) }));
  });

  private dateFieldDecl = this.RULE('dateFieldDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwDateField);
    const field = this.SUBRULE(this.path);
    return this.ACTION(() => ({ kind: 'dateField', field, span: this.span(kw, this.prev()) }));
  });

  private optLabel = this.RULE('optLabel', (): A.Label | undefined => {
    let out: A.Label | undefined;
    this.OPTION(() => {
      const s = this.CONSUME(T.StringLiteral);
      this.ACTION(() => (out = this.label(s)));
    });
    return out;
  });

  private constDecl = this.RULE('constDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwConst);
    const name = this.CONSUME(T.Identifier);
    const label = this.SUBRULE(this.optLabel);
    this.CONSUME(T.Equals);
    const value = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'const', name: this.name(name), label, value, span: this.span(kw, this.prev()) }));
  });

  private defineDecl = this.RULE('defineDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwDefine);
    const name = this.CONSUME(T.Identifier);
    const params: A.Name[] = [];
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          const p = this.CONSUME2(T.Identifier);
          this.ACTION(() => params.push(this.name(p)));
        }
      });
      this.CONSUME(T.RParen);
    });
    const label = this.SUBRULE(this.optLabel);
    this.CONSUME(T.Equals);
    const body = this.SUBRULE(this.expr);
    return this.ACTION(() => ({
      kind: 'define', name: this.name(name), params, label, body, span: this.span(kw, this.prev())
    }));
  });

  private windowDecl = this.RULE('windowDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwWindow);
    const name = this.CONSUME(T.Identifier);
    const label = this.SUBRULE(this.optLabel);
    this.CONSUME(T.Equals);
    const window = this.SUBRULE(this.windowExpr);
    return this.ACTION(() => ({ kind: 'window', name: this.name(name), label, window, span: this.span(kw, this.prev()) }));
  });

  private windowExpr = this.RULE('windowExpr', (): A.WindowExpr => {
    return this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwRecent);
          const period = this.SUBRULE(this.primary);
          return this.ACTION(() => ({ kind: 'recent', period, span: this.span(kw, this.prev()) }) as A.WindowExpr);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwSince);
          const from = this.SUBRULE(this.additive);
          return this.ACTION(() => ({ kind: 'since', from, span: this.span(kw, this.prev()) }) as A.WindowExpr);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwIf);
          const cond = this.SUBRULE(this.expr);
          this.CONSUME(T.KwThen);
          const then = this.SUBRULE(this.windowExpr);
          this.CONSUME(T.KwElse);
          const els = this.SUBRULE2(this.windowExpr);
          return this.ACTION(
            () => ({ kind: 'conditional', cond, then, else: els, span: this.span(kw, this.prev()) }) as A.WindowExpr
          );
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwAllTime);
          return this.ACTION(() => ({ kind: 'allTime', span: this.span(kw, kw) }) as A.WindowExpr);
        }
      }
    ]);
  });

  private gateGroupDecl = this.RULE('gateGroupDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwGates);
    const name = this.CONSUME(T.Identifier);
    const label = this.SUBRULE(this.optLabel);
    this.CONSUME(T.LBrace);
    const gates: A.Rule[] = [];
    this.MANY(() => {
      const r = this.SUBRULE(this.rule, { ARGS: [true] });
      this.ACTION(() => gates.push(r));
    });
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'gateGroup', name: this.name(name), label, gates, span: this.span(kw, end) }));
  });

  /** `[ID] "label": expr [理由 "reason"]` */
  private rule = this.RULE('rule', (withId: boolean): A.Rule => {
    let id: A.Name | undefined;
    let first: IToken | undefined;
    this.OPTION({
      GATE: () => withId,
      DEF: () => {
        const t = this.CONSUME(T.Identifier);
        this.ACTION(() => {
          id = this.name(t);
          first = t;
        });
      }
    });
    const label = this.CONSUME(T.StringLiteral);
    this.CONSUME(T.Colon);
    const expr = this.SUBRULE(this.expr);
    let reason: A.Label | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.KwReason);
      const r = this.CONSUME2(T.StringLiteral);
      this.ACTION(() => (reason = this.label(r)));
    });
    return this.ACTION(() => ({
      id, label: this.label(label), expr, reason, span: this.span(first ?? label, this.prev())
    }));
  });

  private scoreTableDecl = this.RULE('scoreTableDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwScore);
    const name = this.CONSUME(T.Identifier);
    const label = this.SUBRULE(this.optLabel);
    this.CONSUME(T.LBrace);
    const components: A.ScoreComponent[] = [];
    this.MANY(() => {
      const id = this.CONSUME2(T.Identifier);
      const l = this.CONSUME(T.StringLiteral);
      let cap: A.Expr | undefined;
      this.OPTION(() => {
        this.CONSUME(T.KwCap);
        const c = this.SUBRULE(this.primary);
        this.ACTION(() => (cap = c));
      });
      this.CONSUME(T.Colon);
      const expr = this.SUBRULE(this.expr);
      this.ACTION(() =>
        components.push({ id: this.name(id), label: this.label(l), cap, expr, span: this.span(id, this.prev()) })
      );
    });
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({
      kind: 'scoreTable', name: this.name(name), label, components, span: this.span(kw, end)
    }));
  });

  private compareOp = this.RULE('compareOp', (): A.CompareOp => {
    const t = this.OR([
      { ALT: () => this.CONSUME(T.GreaterEq) },
      { ALT: () => this.CONSUME(T.LessEq) },
      { ALT: () => this.CONSUME(T.NotEq) },
      { ALT: () => this.CONSUME(T.Greater) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Equals) }
    ]);
    return this.ACTION(() => normaliseOp(t.image));
  });

  private committeeDecl = this.RULE('committeeDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwCommittee);
    const name = this.CONSUME(T.Identifier);
    const label = this.SUBRULE(this.optLabel);
    this.CONSUME(T.LBrace);
    const params: A.ProcedureParam[] = [];
    this.MANY(() => {
      const pn = this.OR([{ ALT: () => this.CONSUME2(T.Identifier) }, { ALT: () => this.CONSUME(T.KwMethods) }]);
      this.OR2([
        {
          ALT: () => {
            const op = this.SUBRULE(this.compareOp);
            const value = this.SUBRULE(this.additive);
            this.ACTION(() => params.push({ name: this.name(pn), op, value, span: this.span(pn, this.prev()) }));
          }
        },
        {
          ALT: () => {
            const texts = this.SUBRULE(this.labelList);
            this.ACTION(() => params.push({ name: this.name(pn), texts, span: this.span(pn, this.prev()) }));
          }
        }
      ]);
    });
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'committee', name: this.name(name), label, params, span: this.span(kw, end) }));
  });

  private levelDecl = this.RULE('levelDecl', (): A.Decl => {
    const kw = this.CONSUME(T.KwLevel);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    const entries: A.LevelEntry[] = [];
    this.MANY(() => {
      const e = this.SUBRULE(this.levelEntry);
      this.ACTION(() => e && entries.push(e));
    });
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'level', name: this.name(name), entries, span: this.span(kw, end) }));
  });

  private levelEntry = this.RULE('levelEntry', (): A.LevelEntry => {
    return this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwCode);
          const s = this.CONSUME(T.StringLiteral);
          return this.ACTION(() => ({ kind: 'code', value: this.label(s), span: this.span(kw, s) }) as A.LevelEntry);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwTier);
          const s = this.CONSUME(T.Identifier);
          return this.ACTION(() => ({ kind: 'tier', value: this.name(s), span: this.span(kw, s) }) as A.LevelEntry);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwPostGrades);
          const from = this.SUBRULE(this.primary);
          this.CONSUME(T.KwTo);
          const to = this.SUBRULE2(this.primary);
          return this.ACTION(() => ({ kind: 'postGrades', from, to, span: this.span(kw, this.prev()) }) as A.LevelEntry);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwCommittee);
          const s = this.CONSUME2(T.Identifier);
          return this.ACTION(() => ({ kind: 'committeeRef', name: this.name(s), span: this.span(kw, s) }) as A.LevelEntry);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwMethods);
          const values = this.SUBRULE(this.labelList);
          return this.ACTION(() => ({ kind: 'methods', values, span: this.span(kw, this.prev()) }) as A.LevelEntry);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwGates);
          const s = this.CONSUME3(T.Identifier);
          return this.ACTION(() => ({ kind: 'gatesRef', name: this.name(s), span: this.span(kw, s) }) as A.LevelEntry);
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwRegularRoute);
          const label = this.CONSUME2(T.StringLiteral);
          this.CONSUME(T.KwAnyOf);
          const lines = this.SUBRULE(this.ruleBlock);
          return this.ACTION(
            () => ({ kind: 'regularRoute', label: this.label(label), lines, span: this.span(kw, this.prev()) }) as A.LevelEntry
          );
        }
      },
      { ALT: () => this.SUBRULE(this.directRoute) },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwPerformance);
          const label = this.CONSUME3(T.StringLiteral);
          this.CONSUME(T.KwAtLeast);
          const need = this.SUBRULE3(this.primary);
          this.OPTION(() => this.CONSUME(T.KwItems));
          this.CONSUME(T.LBrace);
          const items: A.Rule[] = [];
          this.MANY(() => {
            const r = this.SUBRULE(this.rule, { ARGS: [true] });
            this.ACTION(() => items.push(r));
          });
          const end = this.CONSUME(T.RBrace);
          return this.ACTION(
            () => ({ kind: 'performance', label: this.label(label), need, items, span: this.span(kw, end) }) as A.LevelEntry
          );
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwScore);
          const table = this.CONSUME4(T.Identifier);
          this.CONSUME(T.KwMinimum);
          const minimum = this.SUBRULE4(this.primary);
          return this.ACTION(
            () => ({ kind: 'scoreRef', table: this.name(table), minimum, span: this.span(kw, this.prev()) }) as A.LevelEntry
          );
        }
      }
    ]);
  });

  private ruleBlock = this.RULE('ruleBlock', (): A.Rule[] => {
    this.CONSUME(T.LBrace);
    const out: A.Rule[] = [];
    this.MANY(() => {
      const r = this.SUBRULE(this.rule, { ARGS: [false] });
      this.ACTION(() => out.push(r));
    });
    this.CONSUME(T.RBrace);
    return out;
  });

  private directRoute = this.RULE('directRoute', (): A.LevelEntry => {
    const kw = this.CONSUME(T.KwDirectRoute);
    const label = this.CONSUME(T.StringLiteral);
    this.CONSUME(T.KwWaives);
    const waives = this.OR([{ ALT: () => this.CONSUME(T.KwRegularRoute) }, { ALT: () => this.CONSUME(T.Identifier) }]);
    this.CONSUME(T.LBrace);
    const requires: A.Rule[] = [];
    this.MANY(() => {
      this.CONSUME(T.KwRequires);
      const r = this.SUBRULE(this.rule, { ARGS: [false] });
      this.ACTION(() => requires.push(r));
    });
    this.CONSUME(T.KwAnyOf);
    const lines = this.SUBRULE(this.ruleBlock);
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({
      kind: 'directRoute', label: this.label(label), waives: this.name(waives), requires, lines, span: this.span(kw, end)
    }) as A.LevelEntry);
  });

  // ---------- expressions (lowest precedence first) ----------

  public expr = this.RULE('expr', (): A.Expr => this.SUBRULE(this.orExpr));

  private orExpr = this.RULE('orExpr', (): A.Expr => {
    const first = this.SUBRULE(this.andExpr);
    const args = [first];
    this.MANY(() => {
      this.CONSUME(T.KwOr);
      const next = this.SUBRULE2(this.andExpr);
      this.ACTION(() => next && args.push(next)); // under recovery a sub-rule may return nothing
    });
    return this.ACTION(() =>
      args.length === 1 || !first ? first : { kind: 'logical', op: 'or', args, span: this.spanJoin(first.span, args[args.length - 1].span) }
    );
  });

  private andExpr = this.RULE('andExpr', (): A.Expr => {
    const first = this.SUBRULE(this.notExpr);
    const args = [first];
    this.MANY(() => {
      this.CONSUME(T.KwAnd);
      const next = this.SUBRULE2(this.notExpr);
      this.ACTION(() => next && args.push(next)); // under recovery a sub-rule may return nothing
    });
    return this.ACTION(() =>
      args.length === 1 || !first ? first : { kind: 'logical', op: 'and', args, span: this.spanJoin(first.span, args[args.length - 1].span) }
    );
  });

  private notExpr = this.RULE('notExpr', (): A.Expr => {
    return this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwNot);
          const arg = this.SUBRULE(this.notExpr);
          return this.ACTION(() => (arg ? { kind: 'not', arg, span: this.spanJoin(this.span(kw, kw), arg.span) } : arg) as A.Expr);
        }
      },
      { ALT: () => this.SUBRULE(this.comparison) }
    ]);
  });

  private comparison = this.RULE('comparison', (): A.Expr => {
    const left = this.SUBRULE(this.additive);
    let result: A.Expr = left;
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.SUBRULE(this.compareOp);
            const right = this.SUBRULE2(this.additive);
            // Under error recovery a sub-rule may return nothing: keep what was parsed, the parse error says the rest.
            this.ACTION(() => {
              if (left && right) result = { kind: 'compare', op, left, right, span: this.spanJoin(left.span, right.span) };
            });
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwMemberOf);
            this.CONSUME(T.LParen);
            const set: A.Expr[] = [];
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => {
                const v = this.SUBRULE3(this.additive);
                this.ACTION(() => v && set.push(v));
              }
            });
            const end = this.CONSUME(T.RParen);
            this.ACTION(() => {
              if (left) result = { kind: 'memberOf', value: left, set, span: this.spanJoin(left.span, this.span(end, end)) };
            });
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwStartsWith);
            const prefix = this.SUBRULE4(this.additive);
            this.ACTION(() => {
              if (left && prefix) result = { kind: 'startsWith', value: left, prefix, span: this.spanJoin(left.span, prefix.span) };
            });
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwFull);
            const period = this.SUBRULE5(this.additive);
            this.ACTION(() => {
              if (left && period) result = { kind: 'fullPeriod', date: left, period, span: this.spanJoin(left.span, period.span) };
            });
          }
        }
      ]);
    });
    return result;
  });

  private additive = this.RULE('additive', (): A.Expr => {
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      const right = this.SUBRULE2(this.multiplicative);
      this.ACTION(() => {
        // under recovery a sub-rule may return nothing: keep what was parsed, the parse error says the rest
        left = left && right ? { kind: 'arith', op: op.image === '+' ? '+' : '-', left, right, span: this.spanJoin(left.span, right.span) } : (left ?? right);
      });
    });
    return left;
  });

  private multiplicative = this.RULE('multiplicative', (): A.Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      const right = this.SUBRULE2(this.unary);
      this.ACTION(() => {
        const sym = op.tokenType === T.Star ? '*' : '/';
        left = left && right ? { kind: 'arith', op: sym, left, right, span: this.spanJoin(left.span, right.span) } : (left ?? right);
      });
    });
    return left;
  });

  private unary = this.RULE('unary', (): A.Expr => {
    return this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(T.Minus);
          const arg = this.SUBRULE(this.unary);
          return this.ACTION(() => (arg ? { kind: 'negate', arg, span: this.spanJoin(this.span(kw, kw), arg.span) } : arg) as A.Expr);
        }
      },
      { ALT: () => this.SUBRULE(this.primary) }
    ]);
  });

  public primary = this.RULE('primary', (): A.Expr => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.NumberLiteral);
          return this.ACTION(() => ({ kind: 'number', value: Number(t.image), text: t.image, span: this.span(t, t) }) as A.Expr);
        }
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.Quantity);
          return this.ACTION(() => quantity(t.image, this.span(t, t)));
        }
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.DateLiteral);
          return this.ACTION(() => ({ kind: 'date', value: t.image, span: this.span(t, t) }) as A.Expr);
        }
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.StringLiteral);
          return this.ACTION(() => ({ kind: 'string', value: t.image.slice(1, -1), span: this.span(t, t) }) as A.Expr);
        }
      },
      {
        ALT: () => {
          const t = this.OR2([{ ALT: () => this.CONSUME(T.KwTrue) }, { ALT: () => this.CONSUME(T.KwFalse) }]);
          return this.ACTION(() => ({ kind: 'boolean', value: t.tokenType === T.KwTrue, span: this.span(t, t) }) as A.Expr);
        }
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.KwNull);
          return this.ACTION(() => ({ kind: 'null', span: this.span(t, t) }) as A.Expr);
        }
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.KwReferenceDate);
          return this.ACTION(() => ({ kind: 'referenceDate', span: this.span(t, t) }) as A.Expr);
        }
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const e = this.SUBRULE(this.expr);
          this.CONSUME(T.RParen);
          return e;
        }
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.KwFloor);
          this.CONSUME2(T.LParen);
          const arg = this.SUBRULE2(this.expr);
          const end = this.CONSUME2(T.RParen);
          return this.ACTION(() => ({ kind: 'floor', arg, span: this.span(kw, end) }) as A.Expr);
        }
      },
      { ALT: () => this.SUBRULE(this.aggregate) },
      { ALT: () => this.SUBRULE(this.caseExpr) },
      { ALT: () => this.SUBRULE(this.refOrCall) }
    ]);
  });

  private aggregate = this.RULE('aggregate', (): A.Expr => {
    const kw = this.OR([
      { ALT: () => this.CONSUME(T.KwCount) },
      { ALT: () => this.CONSUME(T.KwSum) },
      { ALT: () => this.CONSUME(T.KwMax) },
      { ALT: () => this.CONSUME(T.KwExists) },
      { ALT: () => this.CONSUME(T.KwAll) }
    ]);
    const list = this.SUBRULE(this.path);
    let where: A.Expr | undefined;
    let window: A.Name | undefined;
    let take: A.Expr | undefined;
    // The clauses 其中 / 于 / 取 may come in any order (每个最多一次; the checker reports repeats).
    this.MANY(() => {
      this.OR2([
        {
          ALT: () => {
            this.OR3([{ ALT: () => this.CONSUME(T.KwWhere) }, { ALT: () => this.CONSUME(T.KwSatisfy) }]);
            const w = this.SUBRULE(this.orExpr);
            this.ACTION(() => (where = w));
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwIn);
            const n = this.CONSUME(T.Identifier);
            this.ACTION(() => (window = this.name(n)));
          }
        },
        {
          ALT: () => {
            this.CONSUME(T.KwTake);
            const t = this.SUBRULE(this.additive);
            this.ACTION(() => (take = t));
          }
        }
      ]);
    });
    return this.ACTION(() => ({
      kind: 'aggregate', agg: aggregateKind(kw.tokenType), list, where, window, take, span: this.span(kw, this.prev())
    }) as A.Expr);
  });

  private caseExpr = this.RULE('caseExpr', (): A.Expr => {
    const kw = this.CONSUME(T.KwCase);
    this.CONSUME(T.LBrace);
    const arms: { when: A.Expr; then: A.Expr; span: A.Span }[] = [];
    let otherwise: A.Expr | undefined;
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.KwOtherwise);
            this.CONSUME(T.Colon);
            const o = this.SUBRULE(this.additive);
            this.ACTION(() => (otherwise = o));
          }
        },
        {
          ALT: () => {
            const when = this.SUBRULE(this.orExpr);
            this.CONSUME2(T.Colon);
            const then = this.SUBRULE2(this.additive);
            this.ACTION(() => when && then && arms.push({ when, then, span: this.spanJoin(when.span, then.span) }));
          }
        }
      ]);
    });
    const end = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'case', arms, otherwise, span: this.span(kw, end) }) as A.Expr);
  });

  private refOrCall = this.RULE('refOrCall', (): A.Expr => {
    const path = this.SUBRULE(this.path);
    let args: A.Expr[] | undefined;
    let end: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      const list: A.Expr[] = [];
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          const a = this.SUBRULE(this.expr);
          this.ACTION(() => a && list.push(a));
        }
      });
      end = this.CONSUME(T.RParen);
      this.ACTION(() => (args = list));
    });
    return this.ACTION(() => {
      const span = this.spanJoin(path[0].span, end ? this.span(end, end) : path[path.length - 1].span);
      if (args) return { kind: 'call', callee: path[0], args, span } as A.Expr;
      return { kind: 'ref', path, span } as A.Expr;
    });
  });
}

function normaliseOp(image: string): A.CompareOp {
  switch (image) {
    case '≥': return '>=';
    case '≤': return '<=';
    case '≠': return '!=';
    case '==': return '=';
    default: return image as A.CompareOp;
  }
}

function aggregateKind(t: TokenType): A.AggregateKind {
  if (t === T.KwCount) return 'count';
  if (t === T.KwSum) return 'sum';
  if (t === T.KwMax) return 'max';
  if (t === T.KwExists) return 'exists';
  return 'all';
}

function quantity(image: string, span: A.Span): A.Expr {
  const m = /^(\d+(?:\.\d+)?)[ \t]*(.+)$/.exec(image);
  const num = m ? m[1] : '0';
  return { kind: 'quantity', value: Number(num), unit: m ? m[2] : '', text: image, span };
}
