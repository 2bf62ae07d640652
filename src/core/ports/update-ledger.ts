/**
 * How long a claimed update is remembered. Telegram keeps retrying an update it could not
 * deliver for at most 24 hours, so a claim older than that can never meet a duplicate.
 */
export const UPDATE_LEDGER_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The updates this deployment has started to answer, shared by every instance through the
 * database. Telegram delivers an update again when the webhook's answer times out (and a
 * load balancer may hand the retry to another instance): the first `claim` of an update id
 * wins, every later one is told to drop it, so each update is answered once. Discord
 * interactions are claimed the same way under 'discord', so one dispatched again (a gateway
 * replay, or a shard moving between instances) is answered once. At most once:
 * an instance that dies after claiming leaves that update unanswered.
 */
export interface UpdateLedger {
  /**
   * Records `updateId` of `platform` as being answered; true the first time, false for a
   * duplicate. Atomic across instances. Claims older than UPDATE_LEDGER_RETENTION_MS are pruned.
   * `platform` is the namespace ids are unique in ('telegram' update ids, 'discord'
   * interaction ids); a bigint carries a Discord snowflake, which a number cannot hold exactly.
   */
  claim(platform: string, updateId: number | bigint): Promise<boolean>;
}
