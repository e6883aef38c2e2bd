package dev.ame;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an atomic block: when the AME agent ({@code -javaagent:ame.jar}) is present,
 * every call of the method appears to run alone, as if the whole program held one global lock
 * for the call's duration, while calls from different threads actually run in parallel and are
 * rolled back and re-run when they conflict.
 *
 * <p>On a type, every method of the type that is not private becomes atomic. An atomic method
 * called from inside another atomic block joins the outer block (nesting is flattened). An
 * exception that escapes the method commits the block's effects and is rethrown, exactly like
 * leaving a {@code synchronized} block.
 *
 * <p>Without the agent the annotation has no effect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Atomic {
}
