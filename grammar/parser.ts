/**
 * The Strategy grammar as a Chevrotain CST parser. Pure grammar: no actions,
 * no tree building (that is `cst-to-ast.ts`). One instance is created at load
 * and reused for every parse, as Chevrotain's performance guide asks.
 *
 * Every statement starts with a keyword (or is a quoted paragraph), so error
 * recovery can always re-synchronise on the next statement.
 */
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import {
  allTokens,
  Comma,
  DateLiteral,
  IndicatorCode,
  keywordTokens as K,
  LCurly,
  Name,
  NumberLiteral,
  Percent,
  Placeholder,
  RCurly,
  Slash,
  StringLiteral,
  Tbc,
} from './tokens.js';
import { friendlyErrorMessages } from './error-messages.js';

class StrategyParser extends CstParser {
  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'full',
      errorMessageProvider: friendlyErrorMessages,
    });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  private block = this.RULE('block', () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RCurly);
  });

  private id = this.RULE('id', () => {
    this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(NumberLiteral) }]);
  });

  private date = this.RULE('date', () => {
    this.OR([
      { ALT: () => this.CONSUME(DateLiteral) },
      {
        ALT: () => {
          this.CONSUME(NumberLiteral);
          this.OPTION(() => {
            this.CONSUME(Slash);
            this.CONSUME2(NumberLiteral);
          });
        },
      },
    ]);
  });

  private quantity = this.RULE('quantity', () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(Placeholder) },
      { ALT: () => this.CONSUME(Tbc) },
    ]);
    this.OPTION(() => this.CONSUME(Percent));
  });

  public statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.strategyDecl) },
      { ALT: () => this.SUBRULE(this.frameworkStmt) },
      { ALT: () => this.SUBRULE(this.priorityDecl) },
      { ALT: () => this.SUBRULE(this.sectionDecl) },
      { ALT: () => this.SUBRULE(this.aimDecl) },
      { ALT: () => this.SUBRULE(this.nationalAimRef) },
      { ALT: () => this.SUBRULE(this.commitmentDecl) },
      { ALT: () => this.SUBRULE(this.actionDecl) },
      { ALT: () => this.SUBRULE(this.measureDecl) },
      { ALT: () => this.SUBRULE(this.targetStmt) },
      { ALT: () => this.SUBRULE(this.outcomeDecl) },
      { ALT: () => this.SUBRULE(this.narrativeDecl) },
      { ALT: () => this.SUBRULE(this.noteStmt) },
      { ALT: () => this.SUBRULE(this.ownerStmt) },
      { ALT: () => this.SUBRULE(this.timingStmt) },
      { ALT: () => this.SUBRULE(this.supportsStmt) },
      { ALT: () => this.SUBRULE(this.coverageStmt) },
      { ALT: () => this.SUBRULE(this.areaStmt) },
      { ALT: () => this.SUBRULE(this.visionStmt) },
      { ALT: () => this.SUBRULE(this.periodStmt) },
      { ALT: () => this.SUBRULE(this.statusStmt) },
      { ALT: () => this.SUBRULE(this.partnersDecl) },
      { ALT: () => this.SUBRULE(this.glossaryDecl) },
      { ALT: () => this.SUBRULE(this.paragraph) },
    ]);
  });

  private strategyDecl = this.RULE('strategyDecl', () => {
    this.CONSUME(K.strategy);
    this.OPTION(() => this.SUBRULE(this.id));
    this.CONSUME(StringLiteral);
    this.SUBRULE(this.block);
  });

  /** `framework ID "Title" { … }` declares one; `framework ID, ID` (in a header) names them. */
  private frameworkStmt = this.RULE('frameworkStmt', () => {
    this.CONSUME(K.framework);
    this.SUBRULE(this.id);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.id);
    });
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  private priorityDecl = this.RULE('priorityDecl', () => {
    this.CONSUME(K.priority);
    this.OPTION(() => this.SUBRULE(this.id));
    this.CONSUME(StringLiteral);
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  private sectionDecl = this.RULE('sectionDecl', () => {
    this.CONSUME(K.section);
    this.CONSUME(StringLiteral);
    this.SUBRULE(this.block);
  });

  private aimDecl = this.RULE('aimDecl', () => {
    this.CONSUME(K.aim);
    this.OPTION(() => this.SUBRULE(this.id));
    this.CONSUME(StringLiteral);
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  private nationalAimRef = this.RULE('nationalAimRef', () => {
    this.CONSUME(K.national);
    this.CONSUME(K.aim);
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.id);
          this.OPTION(() => this.CONSUME(StringLiteral));
        },
      },
      { ALT: () => this.CONSUME2(StringLiteral) },
    ]);
  });

  private commitmentDecl = this.RULE('commitmentDecl', () => {
    this.CONSUME(K.commitment);
    this.OPTION(() => this.SUBRULE(this.id));
    this.CONSUME(StringLiteral);
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  private actionDecl = this.RULE('actionDecl', () => {
    this.CONSUME(K.action);
    this.CONSUME(NumberLiteral);
    this.CONSUME(StringLiteral);
    this.OPTION(() => this.SUBRULE(this.block));
  });

  private measureDecl = this.RULE('measureDecl', () => {
    this.CONSUME(K.measure);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(IndicatorCode);
          this.OPTION(() => this.CONSUME(StringLiteral));
        },
      },
      { ALT: () => this.CONSUME2(StringLiteral) },
    ]);
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  private direction = this.RULE('direction', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.increase) },
      { ALT: () => this.CONSUME(K.reduce) },
      { ALT: () => this.CONSUME(K.maintain) },
    ]);
  });

  private targetStmt = this.RULE('targetStmt', () => {
    this.CONSUME(K.target);
    this.OPTION(() => this.SUBRULE(this.direction));
    this.OPTION2(() => this.SUBRULE(this.quantity));
    this.OPTION3(() => this.CONSUME(IndicatorCode));
    this.OPTION4(() => {
      this.CONSUME(K.from);
      this.SUBRULE2(this.quantity);
    });
    this.OPTION5(() => {
      this.CONSUME(K.by);
      this.SUBRULE(this.date);
    });
    this.OPTION6(() => this.CONSUME(StringLiteral));
  });

  private outcomeDecl = this.RULE('outcomeDecl', () => {
    this.CONSUME(K.outcome);
    this.CONSUME(StringLiteral);
    this.OPTION(() => this.SUBRULE(this.block));
  });

  private narrativeDecl = this.RULE('narrativeDecl', () => {
    this.CONSUME(K.narrative);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.SUBRULE(this.block);
  });

  private noteStmt = this.RULE('noteStmt', () => {
    this.CONSUME(K.note);
    this.CONSUME(StringLiteral);
  });

  private ownerName = this.RULE('ownerName', () => {
    this.OR([{ ALT: () => this.CONSUME(StringLiteral) }, { ALT: () => this.CONSUME(Name) }]);
  });

  private ownerStmt = this.RULE('ownerStmt', () => {
    this.CONSUME(K.owner);
    this.SUBRULE(this.ownerName);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(Slash) }]);
      this.SUBRULE2(this.ownerName);
    });
  });

  private timingSpec = this.RULE('timingSpec', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.ongoing);
          this.OPTION(() => {
            this.CONSUME(K.from);
            this.SUBRULE(this.date);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.by);
          this.SUBRULE2(this.date);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K.from);
          this.SUBRULE3(this.date);
          this.OPTION2(() => {
            this.CONSUME(K.to);
            this.SUBRULE4(this.date);
          });
        },
      },
      {
        ALT: () => {
          this.SUBRULE5(this.date);
          this.OPTION3(() => {
            this.CONSUME2(K.to);
            this.SUBRULE6(this.date);
          });
        },
      },
    ]);
  });

  private timingStmt = this.RULE('timingStmt', () => {
    this.CONSUME(K.timing);
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.timingSpec);
          this.OPTION(() => this.CONSUME(StringLiteral));
        },
      },
      { ALT: () => this.CONSUME2(StringLiteral) },
    ]);
  });

  private supportsStmt = this.RULE('supportsStmt', () => {
    this.CONSUME(K.supports);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.action);
          this.CONSUME(NumberLiteral);
          this.MANY(() => {
            this.CONSUME(Comma);
            this.CONSUME2(NumberLiteral);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.aim);
          this.SUBRULE(this.id);
          this.MANY2(() => {
            this.CONSUME2(Comma);
            this.SUBRULE2(this.id);
          });
        },
      },
    ]);
  });

  private coverageStmt = this.RULE('coverageStmt', () => {
    this.CONSUME(K.coverage);
    this.CONSUME(StringLiteral);
  });

  private areaStmt = this.RULE('areaStmt', () => {
    this.CONSUME(K.area);
    this.CONSUME(StringLiteral);
  });

  private visionStmt = this.RULE('visionStmt', () => {
    this.CONSUME(K.vision);
    this.CONSUME(StringLiteral);
  });

  private periodStmt = this.RULE('periodStmt', () => {
    this.CONSUME(K.period);
    this.SUBRULE(this.date);
    this.CONSUME(K.to);
    this.SUBRULE2(this.date);
  });

  private statusStmt = this.RULE('statusStmt', () => {
    this.CONSUME(K.status);
    this.OR([
      { ALT: () => this.CONSUME(K.draft) },
      { ALT: () => this.CONSUME(K.consultation) },
      { ALT: () => this.CONSUME(K.final) },
      { ALT: () => this.CONSUME(K.published) },
      { ALT: () => this.CONSUME(K.superseded) },
      { ALT: () => this.CONSUME(K.archived) },
    ]);
  });

  private partnersDecl = this.RULE('partnersDecl', () => {
    this.CONSUME(K.partners);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.partnerEntry));
    this.CONSUME(RCurly);
  });

  private partnerEntry = this.RULE('partnerEntry', () => {
    this.CONSUME(StringLiteral);
    this.OPTION(() => {
      this.CONSUME(K.role);
      this.CONSUME2(StringLiteral);
    });
  });

  private glossaryDecl = this.RULE('glossaryDecl', () => {
    this.CONSUME(K.glossary);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.glossaryEntry));
    this.CONSUME(RCurly);
  });

  private glossaryEntry = this.RULE('glossaryEntry', () => {
    this.OR([
      { ALT: () => this.CONSUME(Name) },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(Placeholder) },
      { ALT: () => this.CONSUME(Tbc) },
    ]);
    this.CONSUME2(StringLiteral);
  });

  private paragraph = this.RULE('paragraph', () => {
    this.CONSUME(StringLiteral);
  });
}

/** The one parser instance; `parseTokens` resets it for each input. */
const parser = new StrategyParser();

export interface CstParseResult {
  readonly cst: CstNode;
  readonly errors: typeof parser.errors;
}

export function parseTokens(tokens: IToken[]): CstParseResult {
  parser.input = tokens;
  const cst = parser.document();
  return { cst, errors: parser.errors };
}
