package io.dst.grammar.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Says in words what the parser could have accepted at a given ATN state. Instead of listing raw
 * tokens (ANTLR's "expecting {IDENT, PUT, GET, ...}"), it walks the ATN from the state and stops at
 * "role" rules such as {@code columnName} or {@code literal}, which it names ("a column name",
 * "a value"); only tokens matched directly are listed one by one.
 */
final class ExpectedInput {
  private final ATN atn;
  private final Map<Integer, String> rolePhrases;
  private final IntFunction<String> tokenPhrase;

  /**
   * @param rolePhrases rule index to the phrase that names it, e.g. columnName to "a column name"
   * @param tokenPhrase token type to its phrase, e.g. SEMI to "';'"
   */
  ExpectedInput(ATN atn, Map<Integer, String> rolePhrases, IntFunction<String> tokenPhrase) {
    this.atn = atn;
    this.rolePhrases = rolePhrases;
    this.tokenPhrase = tokenPhrase;
  }

  /**
   * "a, b or c" for what may follow the given state in the given rule context; "" if nothing found.
   * When the parser failed on the very first token of a role rule (say a literal), the answer is that
   * role ("a value"), not the tokens that could begin it.
   */
  String describe(int stateNumber, RuleContext ctx, Token offending) {
    String role = outermostUnstartedRole(ctx, offending);
    if (role != null) {
      return role;
    }
    if (stateNumber < 0 || stateNumber >= atn.states.size()) {
      return "";
    }
    Set<String> phrases = new LinkedHashSet<>();
    Set<String> tail = new LinkedHashSet<>(); // ';' and end of input read best last
    walk(atn.states.get(stateNumber), null, ctx, new HashSet<>(), phrases, tail);
    phrases.addAll(tail);
    return joinAlternatives(new ArrayList<>(phrases));
  }

  private String outermostUnstartedRole(RuleContext ctx, Token offending) {
    String role = null;
    for (RuleContext c = ctx; c != null; c = c.parent) {
      if (!(c instanceof ParserRuleContext p) || p.getStart() != offending) {
        break;
      }
      role = rolePhrases.getOrDefault(c.getRuleIndex(), role);
    }
    return role;
  }

  /** A return address while walking into a rule that is not a role. */
  private record Frame(ATNState follow, Frame next) {}

  /** A point of the walk; contexts compare by identity, frames by content. */
  private record Visit(int state, Frame frame, RuleContext ctx) {}

  private void walk(ATNState state, Frame frame, RuleContext ctx, Set<Visit> visited,
      Set<String> phrases, Set<String> tail) {
    if (!visited.add(new Visit(state.stateNumber, frame, ctx))) {
      return;
    }
    if (state instanceof RuleStopState) {
      if (frame != null) {
        walk(frame.follow(), frame.next(), ctx, visited, phrases, tail);
      } else if (ctx != null && ctx.invokingState >= 0) {
        RuleTransition call = (RuleTransition) atn.states.get(ctx.invokingState).transition(0);
        walk(call.followState, null, ctx.parent, visited, phrases, tail);
      }
      return;
    }
    for (int i = 0; i < state.getNumberOfTransitions(); i++) {
      Transition t = state.transition(i);
      if (t instanceof RuleTransition call) {
        String role = rolePhrases.get(call.target.ruleIndex);
        if (role != null) {
          phrases.add(role);
        } else {
          walk(call.target, new Frame(call.followState, frame), ctx, visited, phrases, tail);
        }
      } else if (t.isEpsilon()) {
        walk(t.target, frame, ctx, visited, phrases, tail);
      } else {
        IntervalSet label = t.label();
        if (label != null) {
          for (int type : label.toList()) {
            String phrase = tokenPhrase.apply(type);
            if (type == Token.EOF || phrase.equals("';'")) {
              tail.add(phrase);
            } else {
              phrases.add(phrase);
            }
          }
        }
      }
    }
  }

  static String joinAlternatives(List<String> phrases) {
    if (phrases.isEmpty()) {
      return "";
    }
    if (phrases.size() == 1) {
      return phrases.get(0);
    }
    return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " or " + phrases.get(phrases.size() - 1);
  }
}
