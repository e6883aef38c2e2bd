package dev.ame.runtime;

/**
 * Marks the classes of lambdas whose bodies choose their transactional twin themselves (the agent
 * points the lambda at a small dispatcher that checks for an active transaction). Calls to them
 * from a block need not make it irrevocable. Public only so that rewritten classes can name it.
 */
public interface TransactionAware {
}
