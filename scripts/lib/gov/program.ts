/**
 * The `npm run gov -- <command>` program (commander): global options, one command per operation, help for each.
 * {@link runGov} runs it on an argument list and returns the exit code; errors are one plain line on stderr.
 *
 * Exit codes: 0 success; 1 error (nothing was sent); 2 `verify`: not found; 3 `verify`: found but amended or
 * revoked; 4 `verify`: co-signature invalid; 5 `simulate`: an action reverts; 6 `roles`: unexpected role holder.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ZeroAddress } from "ethers";

import { PlainError, explainError } from "../explain-error.js";
import { terminalOutput, terminalSafe } from "../terminal-text.js";
import { coSigningAgencyId, publicKeyHash } from "@government-dao/core/cosignature";
import {
  type MilestoneInput,
  NATIVE,
  SETTINGS,
  addAgency,
  addRegistrar,
  answerAppealAction,
  setDayKinds,
  assertRegisteredKey,
  cancelAllocation,
  changeSetting,
  createAllocation,
  issueDocument,
  parseMilestone,
  rawCall,
  setGuardian,
  setTokenAllowed,
  releaseMilestone,
  seatOfficial,
  signingContext,
  unseatOfficial,
} from "./builders.js";
import { APPEAL_OUTCOMES, APPEAL_VERDICTS } from "@government-dao/core/appeals";
import { ENACTED_DOCUMENT_TYPES } from "@government-dao/core/enums";
import { type AppealLanguage, type Verdict, answerAppeal, appealStatus, fileAppeal, filerRequest, storeAnswer } from "./commands-appeals.js";
import { type MetadataOptions, amend, assertNotRegistered, describeDocument, mint, prepareFromOptions, revoke, verify } from "./commands-documents.js";
import { type Output, type ProposeOptions, execute, propose, queue, simulate, status, vote } from "./commands-governance.js";
import { exportRecord, roles, warp } from "./commands-system.js";
import { verifyExtractFile } from "./extract.js";
import { type GlobalOptions, type GovContext, openContext, parseAddress, refusedKeyOption } from "./context.js";
import {
  mediaTypeOf,
  parseAgencyId,
  parseDocumentType,
  parseDuration,
  parseHash,
  parsePosition,
  parseSupport,
  parseUint,
  readDocumentFile,
} from "./inputs.js";

/**
 * A message with its control and bidi characters escaped (a refused value, or a revert string from the chain, cannot
 * add lines or move the cursor: terminal-text.ts) and cut to 300 characters.
 */
const oneLine = (text: string): string => {
  const escaped = terminalSafe(text);
  return escaped.length > 300 ? `${escaped.slice(0, 300)}…` : escaped;
};

/** Wraps a value parser so commander reports its plain message as an invalid argument. */
const arg =
  <T>(parse: (text: string) => T) =>
  (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** What an appeal contests, as typed: "document" or "proposal". */
function parseAppealKind(text: string): "document" | "proposal" {
  if (text === "document" || text === "proposal") return text;
  throw new Error(`expected "document" or "proposal", not ${JSON.stringify(text.slice(0, 40))}`);
}

/** Adds the metadata options every document command shares. */
function withMetadata(command: Command): Command {
  return command
    .requiredOption("--number <number>", "the document's official number, e.g. 45-ө")
    .requiredOption("--title-kk <text>", "title in Kazakh")
    .requiredOption("--title-ru <text>", "title in Russian")
    .requiredOption("--title-en <text>", "title in English")
    .option("--adopted <YYYY-MM-DD>", "date of adoption (default: today on the chain)")
    .option("--effective <YYYY-MM-DD>", "date it takes effect")
    .option("--media-type <type>", "media type of the file (default: from its extension)")
    .option("--pq-key <file>", "the co-signing agency's ML-DSA-65 key pair (JSON, base64); demo keys on the local chain");
}

/** Adds the options every `propose` builder shares. */
function withProposal(command: Command): Command {
  return command
    .requiredOption("--title <text>", "the proposal's title (first line of its description)")
    .option("--rationale <text>", "why: the body of the description, public")
    .option("--dry-run", "print the decoded actions and stop; nothing is sent")
    .option("--simulate", "run the actions on a fork of the chain first and refuse to propose if one reverts");
}

/** Builds the program; `io` receives every printed line (the CLI passes the console). */
export function buildProgram(io: Output, setExitCode: (code: number) => void): Command {
  const program = new Command("gov")
    .description("Operate a Government DAO deployment: proposals, votes, documents, treasury, roles.")
    .addOption(new Option("--rpc <url>", "chain JSON-RPC URL").env("RPC_URL").default("http://127.0.0.1:8545"))
    .option("--deployment <id>", "Ignition deployment id (default chain-<chain id>)")
    .option("--deployment-dir <dir>", "Ignition deployment folder (instead of --deployment)")
    .option("--chain-id <id>", "refuse to run unless the RPC serves this chain id")
    .option("--key-file <path>", "file holding the signer's private key, readable by its owner only (chmod 600); or set GOV_PRIVATE_KEY")
    .addOption(refusedKeyOption("GOV_PRIVATE_KEY"))
    .option("--as <account>", "local chain only: sign with an anvil dev account (official1-6, registrar-finance, registrar-digital, treasurer, deployer, or 0-19)")
    .option("--content-dir <dir>", "local content store (metadata, keys)", ".local/content")
    .option("--json", "machine-readable output (status, verify, simulate)")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      // Commander echoes a refused value whole: keep its error one short line whatever the value holds.
      outputError: (s, write) => write(`${oneLine(s.trimEnd())}\n`),
    })
    .exitOverride();

  const globals = (): GlobalOptions & { json?: boolean } => program.opts();
  /** Runs `fn` with an open context and always closes it. */
  const withContext =
    <A extends unknown[]>(fn: (ctx: GovContext, ...args: A) => Promise<number | void>) =>
    async (...args: A): Promise<void> => {
      const ctx = await openContext(globals());
      try {
        const code = await fn(ctx, ...args);
        if (typeof code === "number") setExitCode(code);
      } finally {
        ctx.close();
      }
    };
  const json = () => globals().json === true;

  program
    .command("status")
    .description("list proposals, or show one: state, tallies, timeline and decoded actions")
    .argument("[proposal]", "#N (N-th proposal) or the proposal id")
    .action(withContext((ctx, proposal: string | undefined) => status(ctx, io, proposal, json())));

  // ── propose <builder> ──
  const proposeCommand = program.command("propose").description("make a proposal with a typed builder (see: propose --help)");
  const submit = (ctx: GovContext, actions: Parameters<typeof propose>[2], options: ProposeOptions) => propose(ctx, io, actions, options);

  withProposal(
    proposeCommand
      .command("seat")
      .description("seat an official (a non-transferable voting seat)")
      .argument("<official>", "the official's address", arg((t) => parseAddress(t, "official address")))
      .requiredOption("--agency <id>", "agency id", arg(parseAgencyId))
      .requiredOption("--position <n>", "position code (1 minister, 2 vice-minister, 3 director)", arg(parsePosition)),
  ).action(
    withContext((ctx, official: string, o: ProposeOptions & { agency: number; position: number }) =>
      submit(ctx, [seatOfficial(ctx, official, o.agency, o.position)], o),
    ),
  );

  withProposal(
    proposeCommand
      .command("unseat")
      .description("revoke an official's seat")
      .argument("<official>", "the official's address", arg((t) => parseAddress(t, "official address"))),
  ).action(withContext((ctx, official: string, o: ProposeOptions) => submit(ctx, [unseatOfficial(ctx, official)], o)));

  withProposal(
    proposeCommand
      .command("add-agency")
      .description("register an agency with its ML-DSA key hash and registrars")
      .argument("<id>", "new agency id", arg(parseAgencyId))
      .argument("<name>", "public name")
      .option("--key-hash <hex>", "sha-256 of the agency's ML-DSA-65 public key", arg((t) => parseHash(t, "key hash")))
      .option("--public-key <file>", "the agency's raw ML-DSA-65 public key (its sha-256 is registered, the key stored)")
      .option("--registrar <address>", "a registrar (repeatable)", collect, []),
  ).action(
    withContext(async (ctx, id: number, name: string, o: ProposeOptions & { keyHash?: string; publicKey?: string; registrar: string[] }) => {
      let keyHash = o.keyHash;
      if (o.publicKey) {
        const key = await readDocumentFile(o.publicKey);
        keyHash = publicKeyHash(key);
        await ctx.store.put(key);
      }
      if (!keyHash) throw new PlainError("add-agency needs --key-hash or --public-key.");
      const registrars = o.registrar.map((r) => parseAddress(r, "registrar address"));
      return submit(ctx, [addAgency(ctx, id, name, keyHash, registrars)], o);
    }),
  );

  withProposal(
    proposeCommand
      .command("holidays")
      .description("declare days of the appeals calendar (Kazakhstan time): public holidays, or with --working the weekend days a resolution makes working")
      .argument("<dates...>", "YYYY-MM-DD, today or later (1 to 64)")
      .addOption(new Option("--as-kind <kind>", "what the days become").choices(["holiday", "working", "default"]).default("holiday")),
  ).action(withContext((ctx, dates: string[], o: ProposeOptions & { asKind: "holiday" | "working" | "default" }) => submit(ctx, [setDayKinds(ctx, dates, o.asKind)], o)));

  withProposal(
    proposeCommand
      .command("answer-appeal")
      .description("the council's reasoned answer to an appeal against a central act or a proposal")
      .argument("<number>", "the appeal's number", arg((t) => parseUint(t, "appeal number")))
      .addOption(new Option("--outcome <verdict>", "the verdict").choices(APPEAL_VERDICTS).makeOptionMandatory())
      .requiredOption("--reasons <text>", "the reasons (public, at least 20 characters)")
      .addOption(new Option("--language <lang>", "language of the reasons").choices(["kk", "ru", "en"]).default("ru"))
      .option("--remedy <document>", "the document that amends or revokes the contested act", arg((t) => parseHash(t, "remedy document"))),
  ).action(
    withContext(async (ctx, id: bigint, o: ProposeOptions & { outcome: Verdict; reasons: string; language: AppealLanguage; remedy?: string }) => {
      const digest = await storeAnswer(ctx, o.outcome, o.reasons, o.language);
      return submit(ctx, [answerAppealAction(ctx, id, APPEAL_OUTCOMES.indexOf(o.outcome), digest, o.remedy ? BigInt(o.remedy) : 0n)], o);
    }),
  );

  withProposal(
    proposeCommand
      .command("add-registrar")
      .description("let an account mint the agency's documents")
      .argument("<agency>", "agency id", arg(parseAgencyId))
      .argument("<account>", "registrar address", arg((t) => parseAddress(t, "registrar address"))),
  ).action(withContext((ctx, agency: number, account: string, o: ProposeOptions) => submit(ctx, [addRegistrar(ctx, agency, account)], o)));

  withProposal(
    withMetadata(
      proposeCommand
        .command("mint-decree")
        .description("mint a decree, law or budget of the central government (co-signed by the Office of the Government)")
        .argument("<file>", "the document file")
        .option("--type <type>", ENACTED_DOCUMENT_TYPES.join(", "), arg((t) => parseDocumentType(t, ENACTED_DOCUMENT_TYPES)), "decree"),
    ),
  ).action(
    withContext(async (ctx, file: string, o: ProposeOptions & MetadataOptions & { type: "decree" | "law" | "budget" }) => {
      const bytes = await readDocumentFile(file);
      await assertNotRegistered(ctx, file, bytes);
      const description = await describeDocument(ctx, o.type, 0, o, mediaTypeOf(file));
      if (o.dryRun) {
        const signing = await signingContext(ctx, o.pqKey);
        await assertRegisteredKey(ctx, signing, coSigningAgencyId(0));
      }
      const doc = await prepareFromOptions(ctx, bytes, description, o.pqKey);
      io.out(`Document ${doc.contentHash}, metadata ipfs://${doc.metadataCid}`);
      return submit(ctx, [issueDocument(ctx, doc, 0)], o);
    }),
  );

  withProposal(
    proposeCommand
      .command("allocation")
      .description("allocate budget to a recipient in milestones, citing an Active budget document")
      .requiredOption("--recipient <address>", "who is paid", arg((t) => parseAddress(t, "recipient address")))
      .requiredOption("--budget <document>", "the budget document's id (sha-256)", arg((t) => parseHash(t, "budget document id")))
      .requiredOption("--milestone <amount@YYYY-MM-DD:description>", "a milestone (repeatable, in order)", collect, [])
      .option("--token <address|native>", "the ERC-20 paid (default: the deployment's DigitalTenge) or native"),
  ).action(
    withContext(async (ctx, o: ProposeOptions & { recipient: string; budget: string; milestone: string[]; token?: string }) => {
      const token = o.token === "native" ? NATIVE : o.token ? parseAddress(o.token, "token address") : ctx.hasTenge ? ctx.addresses.tenge : undefined;
      if (!token) throw new PlainError("This deployment has no DigitalTenge: name the ERC-20 with --token <address> (or --token native).");
      const decimals = token === ZeroAddress ? 18 : Number(await ctx.contracts.tenge.attach(token).getFunction("decimals").staticCall());
      const milestones: MilestoneInput[] = o.milestone.map((m) => parseMilestone(m, decimals));
      const total = milestones.reduce((sum, m) => sum + m.amount, 0n);
      const free = await ctx.contracts.escrow.available(token);
      if (total > free) throw new PlainError(`Insufficient reserve: the escrow has ${free} token units of ${token === ZeroAddress ? "native coin" : token} free, the milestones need ${total}. Nothing was sent.`);
      return submit(ctx, [await createAllocation(ctx, o.recipient, token, o.budget, milestones)], o);
    }),
  );

  withProposal(
    proposeCommand
      .command("release")
      .description("release a milestone of an allocation to its recipient")
      .argument("<allocation>", "allocation id", arg((t) => parseUint(t, "allocation id")))
      .argument("<milestone>", "milestone number, from 1 (as the budget page counts)", arg((t) => parseUint(t, "milestone number"))),
  ).action(
    withContext(async (ctx, allocation: bigint, milestone: bigint, o: ProposeOptions) => {
      if (allocation === 0n || allocation > (await ctx.contracts.escrow.allocationCount())) throw new PlainError(`Unknown allocation ${allocation}. Nothing was sent.`);
      const milestones = await ctx.contracts.escrow.milestones(allocation);
      if (milestone === 0n || milestone > BigInt(milestones.length)) throw new PlainError(`Allocation ${allocation} has no milestone ${milestone} (it has ${milestones.length}, numbered from 1). Nothing was sent.`);
      return submit(ctx, [releaseMilestone(ctx, allocation, milestone - 1n)], o);
    }),
  );

  withProposal(
    proposeCommand
      .command("cancel-allocation")
      .description("cancel the unreleased rest of an allocation")
      .argument("<allocation>", "allocation id", arg((t) => parseUint(t, "allocation id")))
      .requiredOption("--reason <text>", "public reason"),
  ).action(
    withContext(async (ctx, allocation: bigint, o: ProposeOptions & { reason: string }) => {
      if (allocation === 0n || allocation > (await ctx.contracts.escrow.allocationCount())) throw new PlainError(`Unknown allocation ${allocation}. Nothing was sent.`);
      return submit(ctx, [cancelAllocation(ctx, allocation, o.reason)], o);
    }),
  );

  withProposal(
    proposeCommand
      .command("setting")
      .description(`change a Governor or Timelock setting: ${Object.keys(SETTINGS).join(", ")}`)
      .argument("<name>", "setting name")
      .argument("<value>", "new value (seconds, seats or percent)", arg((t) => parseUint(t, "setting value"))),
  ).action(withContext((ctx, name: string, value: bigint, o: ProposeOptions) => submit(ctx, [changeSetting(ctx, name, value)], o)));

  withProposal(
    proposeCommand
      .command("guardian")
      .description("appoint the proposal guardian, or remove it with \"none\" (the sitting guardian cannot cancel this proposal)")
      .argument("<guardian>", 'the new guardian\'s address, or "none"', arg((t) => (t.trim().toLowerCase() === "none" ? ZeroAddress : parseAddress(t, "guardian address")))),
  ).action(withContext((ctx, guardian: string, o: ProposeOptions) => submit(ctx, [setGuardian(ctx, guardian)], o)));

  withProposal(
    proposeCommand
      .command("allow-token")
      .description("add an ERC-20 to the escrow's allow-list, or remove it with --disallow")
      .argument("<token>", "the ERC-20's address", arg((t) => parseAddress(t, "token address")))
      .option("--disallow", "remove the token from the allow-list instead"),
  ).action(withContext((ctx, token: string, o: ProposeOptions & { disallow?: boolean }) => submit(ctx, [setTokenAllowed(ctx, token, o.disallow !== true)], o)));

  withProposal(
    proposeCommand
      .command("raw")
      .description("any call, ABI-encoded from a function signature and JSON arguments")
      .requiredOption("--target <address>", "contract to call", arg((t) => parseAddress(t, "target address")))
      .requiredOption("--signature <fn>", 'function signature, e.g. "setVotingDelay(uint48)"')
      .option("--args <json>", "JSON array of arguments", "[]")
      .option("--value <wei>", "native value to send", arg((t) => parseUint(t, "value")), 0n),
  ).action(
    withContext((ctx, o: ProposeOptions & { target: string; signature: string; args: string; value: bigint }) =>
      submit(ctx, [rawCall(o.target, o.signature, o.args, o.value)], o),
    ),
  );

  program
    .command("vote")
    .description("vote for, against or abstain on an active proposal")
    .argument("<proposal>", "#N or the proposal id")
    .argument("<support>", "for, against or abstain", arg(parseSupport))
    .option("--reason <text>", "public reason recorded with the vote")
    .option("--by-sig", "sign an EIP-712 ballot and submit it (castVoteBySig)")
    .action(withContext((ctx, proposal: string, support: 0 | 1 | 2, o: { reason?: string; bySig?: boolean }) => vote(ctx, io, proposal, support, o)));

  program
    .command("queue")
    .description("queue a succeeded proposal in the Timelock")
    .argument("<proposal>", "#N or the proposal id")
    .action(withContext((ctx, proposal: string) => queue(ctx, io, proposal)));

  program
    .command("execute")
    .description("execute a queued proposal once the Timelock delay has passed")
    .argument("<proposal>", "#N or the proposal id")
    .action(withContext((ctx, proposal: string) => execute(ctx, io, proposal)));

  program
    .command("simulate")
    .description("run a proposal's actions on a fork of the chain and print events and balance changes")
    .argument("<proposal>", "#N or the proposal id")
    .action(withContext(async (ctx, proposal: string) => ((await simulate(ctx, io, proposal, json())) ? 0 : 5)));

  withMetadata(
    program
      .command("mint")
      .description("registrar: mint an agency document (order, certificate, notice) from a file")
      .argument("<file>", "the document file")
      .requiredOption("--type <type>", "order, certificate or notice", arg((t) => parseDocumentType(t, ["order", "certificate", "notice"])))
      .requiredOption("--agency <id>", "the registrar's agency", arg(parseAgencyId)),
  ).action(
    withContext((ctx, file: string, o: MetadataOptions & { type: "order" | "certificate" | "notice"; agency: number }) =>
      mint(ctx, io, file, o.type, o.agency, o, mediaTypeOf(file)),
    ),
  );

  withMetadata(
    program
      .command("amend")
      .description("registrar: issue a new version of an Active document (the old one becomes Amended)")
      .argument("<document>", "id (sha-256) of the document amended", arg((t) => parseHash(t, "document id")))
      .argument("<file>", "the new version's file")
      .requiredOption("--reason <text>", "public reason"),
  ).action(withContext((ctx, id: string, file: string, o: MetadataOptions & { reason: string }) => amend(ctx, io, id, file, o.reason, o, mediaTypeOf(file))));

  // ── appeals ──
  const appealCommand = program.command("appeal").description("citizens' appeals: file one, read one, answer one (registrar)");
  const language = new Option("--language <lang>", "language of the text").choices(["kk", "ru", "en"]).default("ru");
  const verdict = new Option("--outcome <verdict>", "the verdict").choices(APPEAL_VERDICTS).makeOptionMandatory();
  appealCommand
    .command("file")
    .description("file an appeal: a key is made for it and written to --key-out; your account relays the signed request")
    .argument("<kind>", "document or proposal", arg(parseAppealKind))
    .argument("<subject>", "the document's sha-256, or the proposal's id")
    .requiredOption("--text <text>", "the appeal (public for ever: no names, IINs, phone numbers or e-mails)")
    .requiredOption("--key-out <file>", "where to write the appeal's key (the tracking code); must not exist")
    .addOption(language)
    .action(
      withContext(async (ctx, kind: "document" | "proposal", subject: string, o: { text: string; keyOut: string; language: AppealLanguage }) => {
        const id = kind === "document" ? BigInt(parseHash(subject, "document id")) : parseUint(subject, "proposal id");
        await fileAppeal(ctx, io, kind, id, o);
      }),
    );
  appealCommand
    .command("follow-up")
    .description("the filer adds a public message to a pending appeal, signed with the appeal's key; your account relays it")
    .argument("<number>", "the appeal's number", arg((t) => parseUint(t, "appeal number")))
    .requiredOption("--appeal-key <file>", "the appeal's key (the file `appeal file` wrote)")
    .requiredOption("--text <text>", "the message (public for ever: no personal data)")
    .addOption(language)
    .action(withContext((ctx, id: bigint, o: { appealKey: string; text: string; language: AppealLanguage }) => filerRequest(ctx, io, id, o.appealKey, o)));
  appealCommand
    .command("withdraw")
    .description("the filer withdraws a pending appeal, signed with the appeal's key; your account relays it")
    .argument("<number>", "the appeal's number", arg((t) => parseUint(t, "appeal number")))
    .requiredOption("--appeal-key <file>", "the appeal's key (the file `appeal file` wrote)")
    .action(withContext((ctx, id: bigint, o: { appealKey: string }) => filerRequest(ctx, io, id, o.appealKey)));
  appealCommand
    .command("status")
    .description("an appeal as the chain has it: state, the body that must answer, dates, verdict, texts")
    .argument("<number>", "the appeal's number", arg((t) => parseUint(t, "appeal number")))
    .action(withContext((ctx, id: bigint) => appealStatus(ctx, io, id, json())));
  appealCommand
    .command("answer")
    .description("registrar: answer an appeal your agency must answer, with reasons (the council answers by `propose answer-appeal`)")
    .argument("<number>", "the appeal's number", arg((t) => parseUint(t, "appeal number")))
    .addOption(verdict)
    .requiredOption("--reasons <text>", "the reasons (public, at least 20 characters)")
    .option("--remedy <document>", "the document that amends or revokes the contested act", arg((t) => parseHash(t, "remedy document")))
    .addOption(language)
    .action(withContext((ctx, id: bigint, o: { outcome: Verdict; reasons: string; language: AppealLanguage; remedy?: string }) => answerAppeal(ctx, io, id, o)));

  program
    .command("revoke")
    .description("registrar: revoke a document of the agency")
    .argument("<document>", "id (sha-256) of the document", arg((t) => parseHash(t, "document id")))
    .requiredOption("--reason <text>", "public reason")
    .action(withContext((ctx, id: string, o: { reason: string }) => revoke(ctx, io, id, o.reason)));

  program
    .command("verify")
    .description("hash a file and say whether it is registered, its status and whether its co-signature holds (exit 0 Active, 2 unknown, 3 amended/revoked, 4 bad signature)")
    .argument("<file>", "the file to check")
    .action(withContext((ctx, file: string) => verify(ctx, io, file, json())));

  program
    .command("verify-extract")
    .description("check a citizen extract (signed JSON from the API) against the chain: its ML-DSA signature, its key's hash and validity in the SigningKeyRegistry, and its block (exit 0 valid, 4 invalid)")
    .argument("<extract>", "the extract file (GET /api/v1/documents/{id}/extract)")
    .option("--signing-key <file>", "schema-1 extracts only (they name no key on chain): the JSON of GET /api/v1/signing-key saved when the extract was made")
    .action(withContext((ctx, file: string, o: { signingKey?: string }) => verifyExtractFile(ctx, io, file, o.signingKey)));

  program
    .command("roles")
    .description("print the live roles table: Timelock roles, admins, council seats, registrars")
    .action(withContext(async (ctx) => ((await roles(ctx, io)) ? 0 : 6)));

  program
    .command("export")
    .description("write proposals, documents, allocations, officials and agencies as JSON files")
    .option("--out <dir>", "output folder", ".local/export")
    .action(withContext((ctx, o: { out: string }) => exportRecord(ctx, io, o.out)));

  program
    .command("warp")
    .description("local chain only: move the chain clock forward (e.g. 5m, 2h, 1d) to end a voting period in a demo")
    .argument("<duration>", "seconds, or with a unit: 90s, 15m, 2h, 3d", arg(parseDuration))
    .action(withContext((ctx, seconds: number) => warp(ctx, io, seconds)));

  return program;
}

/** Runs the CLI on `argv` (without node and script); returns the exit code. */
export async function runGov(argv: readonly string[], raw: Output): Promise<number> {
  // The last line of defence: whatever a command prints, no raw ESC, CR or bidi control reaches the terminal
  // (untrusted values are escaped where they are printed; this catches any that were missed).
  const io: Output = { out: (line) => raw.out(terminalOutput(line)), err: (line) => raw.err(terminalOutput(line)) };
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    io.err(oneLine(`Error: ${explainError(error)}`));
    return 1;
  }
}
