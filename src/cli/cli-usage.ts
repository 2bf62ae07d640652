/** The CLI's help text: every command with an example. */
export const CLI_USAGE = `nashra — Arabic news search, summaries and quotes

usage: npm run -s cli -- <command> [args] [--json] [--corpus DIR|FILE] [--db FILE]

  index [--prune | --rebuild]            bring the index up to date with the corpus
                                         --prune: also remove more than half the archive at once
                                         --rebuild: rebuild it from the corpus, keeping subscriptions
  search <query…> [--limit N]            ranked articles:  search "كوريا الشمالية"
  summary <id or query…> [--sentences N | --words N]
                                         summary:          summary 003_3ddc96a2e226cfb4
  summary --all [--sentences N | --words N]
  quotes <person…> [--limit N]           what they said:   quotes بوتين
  people [--limit N]                     most quoted first
  latest [--limit N]                     newest articles
  digest [--since ISO-8601] [--limit N]  articles indexed since a time
  backup <file>                          online copy of the database (safe while the bot runs)

--json prints exactly one JSON document on stdout. Exit codes: 0 ok (also "nothing
found"), 1 failure, 2 bad usage, 3 another process is indexing (index), 4 the database
is damaged (the message says how to rebuild it). Set DEBUG=1 for stack traces.`;
