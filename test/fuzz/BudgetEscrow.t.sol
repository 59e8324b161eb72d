// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TimelockGoverned} from "../../contracts/access/TimelockGoverned.sol";
import {DocumentRegistry} from "../../contracts/documents/DocumentRegistry.sol";
import {IDocumentRegistry} from "../../contracts/documents/IDocumentRegistry.sol";
import {AgencyRegistry} from "../../contracts/governance/AgencyRegistry.sol";
import {IAgencyRegistry} from "../../contracts/governance/IAgencyRegistry.sol";
import {BudgetEscrow} from "../../contracts/treasury/BudgetEscrow.sol";
import {DigitalTenge} from "../../contracts/treasury/DigitalTenge.sol";
import {IBudgetEscrow} from "../../contracts/treasury/IBudgetEscrow.sol";
import {IClaimable, RefusingRecipient} from "../../contracts/test/treasury/Recipients.sol";

/**
 * @title BudgetEscrowHandler
 * @notice The escrow's Timelock during fuzzing: every privileged call comes from here. Each action takes bounded
 * random inputs, sometimes injects exactly one fault, predicts the outcome (success, or the exact revert data) from
 * its own ghost bookkeeping, and counts every call whose outcome differs from the prediction.
 * @dev The last recipient is a RefusingRecipient contract that refuses the native coin while told to: its native
 * payments are deferred (owed), and it claims them to itself or to the claim sink. Governance may also disallow
 * the tenge for a while (new deposits and allocations refused, releases and claims still work).
 */
contract BudgetEscrowHandler is CommonBase, StdCheats, StdUtils {
    /// @notice A ghost allocation: what the handler believes the escrow holds.
    struct GhostAllocation {
        address token;
        address recipient;
        uint256 total;
        uint256 released;
        bool cancelled;
        uint256[] amounts;
        IBudgetEscrow.MilestoneStatus[] statuses;
    }

    /// @notice Ghost per-token totals, kept independently of the escrow's.
    struct GhostTotals {
        uint256 deposited;
        uint256 allocated;
        uint256 released;
        uint256 withdrawn;
        uint256 reserved;
        uint256 owed;
    }

    address internal constant NATIVE = address(0);
    /// @dev Two accounts and a RefusingRecipient contract (the last).
    uint256 internal constant RECIPIENT_COUNT = 3;

    address private immutable _deployer;

    BudgetEscrow public escrow;
    IDocumentRegistry public documentRegistry;
    DigitalTenge public tenge;
    /// @notice The Active Budget document new allocations cite.
    uint256 public budgetId;
    /// @notice Budget documents superseded by an amendment (Amended: no longer citable).
    uint256[] public oldBudgets;
    /// @notice The handler's clock; every action first warps to it.
    uint256 public currentTime;
    /// @notice Where withdrawals go (never a recipient).
    address public sink;
    /// @notice Where claims not sent to the claimer itself go (never a recipient).
    address public claimSink;
    /// @notice The recipient contract that may refuse the native coin (also `recipientAt(RECIPIENT_COUNT - 1)`).
    RefusingRecipient public refuser;
    /// @notice Whether the tenge is on the escrow's allow-list, by the ghost.
    bool public tengeAllowed;
    address[RECIPIENT_COUNT] private _recipients;
    mapping(address recipient => mapping(address token => uint256)) private _owed;
    /// @notice Payments deferred and claims made, to see that the campaign reaches them.
    uint256 public deferrals;
    uint256 public claims;

    mapping(uint256 allocationId => GhostAllocation) private _ghosts;
    /// @notice Allocations the handler created.
    uint256 public ghostCount;
    mapping(address token => GhostTotals) private _totals;

    /// @notice Calls whose outcome differed from the prediction.
    uint256 public mismatches;
    /// @notice Description of the last mismatch.
    string public lastMismatch;
    /// @notice Successful releases of a milestone the ghost already considered released or cancelled.
    uint256 public doubleReleases;
    /// @notice Successful calls, to see that the campaign does more than revert.
    uint256 public successes;

    constructor() {
        _deployer = msg.sender;
    }

    /// @notice Wires the handler to the deployed system and, as the Timelock, enacts the first Budget document.
    function init(BudgetEscrow escrow_, IDocumentRegistry documents_, DigitalTenge tenge_) external returns (uint256) {
        require(msg.sender == _deployer && address(escrow) == address(0), "init once, by the test");
        escrow = escrow_;
        documentRegistry = documents_;
        tenge = tenge_;
        currentTime = block.timestamp;
        sink = makeAddr("sink");
        claimSink = makeAddr("claim sink");
        tengeAllowed = true;
        for (uint256 i = 0; i + 1 < RECIPIENT_COUNT; ++i) {
            _recipients[i] = makeAddr(string.concat("recipient ", vm.toString(i)));
        }
        refuser = new RefusingRecipient();
        _recipients[RECIPIENT_COUNT - 1] = address(refuser);
        budgetId = DocumentRegistry(address(documents_)).issue(
            IDocumentRegistry.DocumentType.Budget,
            0,
            keccak256("budget 2027"),
            keccak256("budget 2027 metadata"),
            bytes32(0)
        );
        return budgetId;
    }

    // ─── Actions ─────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Deposits tenge held by the handler (0 → ZeroAmount).
    function deposit(uint256 amount) external {
        _sync();
        amount = bound(amount, 0, _min(tenge.balanceOf(address(this)), 1e13));
        tenge.approve(address(escrow), amount);
        bytes memory expected = !tengeAllowed
            ? abi.encodeWithSelector(IBudgetEscrow.TokenNotAllowed.selector, address(tenge))
            : amount == 0
                ? abi.encodeWithSelector(IBudgetEscrow.ZeroAmount.selector)
                : bytes("");
        try escrow.deposit(tenge, amount) {
            _outcome(true, "", expected, "deposit");
            if (expected.length == 0) _totals[address(tenge)].deposited += amount;
        } catch (bytes memory reason) {
            _outcome(false, reason, expected, "deposit");
        }
    }

    /// @notice Deposits native coin by depositNative or by a plain transfer (0 → ZeroAmount).
    function depositNative(uint256 amount, bool plainTransfer) external {
        _sync();
        amount = bound(amount, 0, _min(address(this).balance, 1e21));
        bytes memory expected = amount == 0 ? abi.encodeWithSelector(IBudgetEscrow.ZeroAmount.selector) : bytes("");
        bool ok;
        bytes memory reason;
        if (plainTransfer) {
            (ok, reason) = address(escrow).call{value: amount}("");
        } else {
            try escrow.depositNative{value: amount}() {
                ok = true;
            } catch (bytes memory caught) {
                reason = caught;
            }
        }
        _outcome(ok, reason, expected, "depositNative");
        if (ok && expected.length == 0) _totals[NATIVE].deposited += amount;
    }

    /**
     * @notice Creates an allocation of tenge or native coin with 1–32 random milestones. `fault` (mod 10) picks
     * a valid plan (0–3) or one fault: a bad count (4), a zero amount (5), a deadline not in the future (6), a
     * total that is not the sum (7), an unknown or Amended budget document (8), more than is available (9).
     */
    function createAllocation(uint256 seed, uint256 count, uint256 recipientSeed, bool native, uint256 fault) external {
        _sync();
        address token = native ? NATIVE : address(tenge);
        uint256 free = _free(token);
        fault = fault % 10;
        if (fault == 4) count = seed % 2 == 0 ? 0 : bound(count, 33, 40);
        else count = bound(count, 1, 32);
        (IBudgetEscrow.MilestoneInit[] memory plan, uint256 total, uint256 cited) = _plan(seed, count, free, fault);
        // Native allocations go to the refusing recipient half the time, so that deferred payments and claims happen.
        address recipient = native && recipientSeed % 2 == 0
            ? address(refuser)
            : _recipients[(recipientSeed >> 1) % RECIPIENT_COUNT];

        bytes memory expected = _predictCreate(plan, total, cited, token, free);
        try escrow.createAllocation(recipient, token, cited, total, plan) returns (uint256 id) {
            _outcome(true, "", expected, "createAllocation");
            if (expected.length != 0) return;
            if (id != ++ghostCount) _mismatch("createAllocation: unexpected id");
            _record(id, token, recipient, total, plan);
        } catch (bytes memory reason) {
            _outcome(false, reason, expected, "createAllocation");
        }
    }

    /// @notice Releases a milestone of an allocation (sometimes an unknown one, a bad index, or one not Pending).
    function releaseMilestone(uint256 allocationSeed, uint256 indexSeed) external {
        _sync();
        uint256 id = allocationSeed % (ghostCount + 2); // 0 and ghostCount + 1 are unknown
        bytes memory expected;
        uint256 index;
        if (id == 0 || id > ghostCount) {
            index = indexSeed % 4;
            expected = abi.encodeWithSelector(IBudgetEscrow.UnknownAllocation.selector, id);
        } else {
            GhostAllocation storage g = _ghosts[id];
            index = indexSeed % (g.amounts.length + 1);
            if (g.cancelled) {
                expected = abi.encodeWithSelector(IBudgetEscrow.AllocationAlreadyCancelled.selector, id);
            } else if (index >= g.amounts.length) {
                expected = abi.encodeWithSelector(IBudgetEscrow.UnknownMilestone.selector, id, index);
            } else if (g.statuses[index] != IBudgetEscrow.MilestoneStatus.Pending) {
                expected = abi.encodeWithSelector(
                    IBudgetEscrow.MilestoneNotPending.selector,
                    id,
                    index,
                    g.statuses[index]
                );
            }
        }
        address recipient = id == 0 || id > ghostCount ? address(0) : _ghosts[id].recipient;
        address token = id == 0 || id > ghostCount ? NATIVE : _ghosts[id].token;
        // A native payment to the refusing recipient while it refuses is deferred, never a revert.
        bool deferred = token == NATIVE && recipient == address(refuser) && refuser.refusing();
        uint256 before = _balanceOf(token, recipient);
        try escrow.releaseMilestone(id, index) {
            _outcome(true, "", expected, "releaseMilestone");
            if (expected.length != 0) return;
            GhostAllocation storage g = _ghosts[id];
            if (g.statuses[index] != IBudgetEscrow.MilestoneStatus.Pending) ++doubleReleases;
            uint256 amount = g.amounts[index];
            if (_balanceOf(token, recipient) != before + (deferred ? 0 : amount)) {
                _mismatch(deferred ? "releaseMilestone: deferred payment paid" : "releaseMilestone: recipient not paid");
            }
            if (deferred) {
                _owed[recipient][token] += amount;
                _totals[token].owed += amount;
                ++deferrals;
            }
            if (escrow.owed(recipient, token) != _owed[recipient][token]) _mismatch("releaseMilestone: owed");
            g.statuses[index] = IBudgetEscrow.MilestoneStatus.Released;
            g.released += amount;
            _totals[token].released += amount;
            _totals[token].reserved -= amount;
        } catch (bytes memory reason) {
            _outcome(false, reason, expected, "releaseMilestone");
        }
    }

    /// @notice Cancels an allocation with a reason of random length (0 or over 1024 bytes → InvalidReason).
    function cancelAllocation(uint256 allocationSeed, uint256 reasonLength) external {
        _sync();
        uint256 id = allocationSeed % (ghostCount + 2);
        reasonLength = bound(reasonLength, 0, 1100);
        bytes memory expected;
        if (id == 0 || id > ghostCount) {
            expected = abi.encodeWithSelector(IBudgetEscrow.UnknownAllocation.selector, id);
        } else if (_ghosts[id].cancelled) {
            expected = abi.encodeWithSelector(IBudgetEscrow.AllocationAlreadyCancelled.selector, id);
        } else if (reasonLength == 0 || reasonLength > 1024) {
            expected = abi.encodeWithSelector(IBudgetEscrow.InvalidReason.selector);
        }
        try escrow.cancelAllocation(id, string(new bytes(reasonLength))) {
            _outcome(true, "", expected, "cancelAllocation");
            if (expected.length != 0) return;
            GhostAllocation storage g = _ghosts[id];
            uint256 unreleased = g.total - g.released;
            g.cancelled = true;
            for (uint256 i = 0; i < g.statuses.length; ++i) {
                if (g.statuses[i] == IBudgetEscrow.MilestoneStatus.Pending) {
                    g.statuses[i] = IBudgetEscrow.MilestoneStatus.Cancelled;
                }
            }
            _totals[g.token].allocated -= unreleased;
            _totals[g.token].reserved -= unreleased;
        } catch (bytes memory reason) {
            _outcome(false, reason, expected, "cancelAllocation");
        }
    }

    /// @notice Withdraws to the sink up to a little more than is free (0 → ZeroAmount, to 0 → ZeroAddress).
    function withdraw(uint256 amount, bool native, bool zeroDestination) external {
        _sync();
        address token = native ? NATIVE : address(tenge);
        uint256 free = _free(token);
        amount = bound(amount, 0, free + 1000);
        address to = zeroDestination && amount % 7 == 0 ? address(0) : sink;
        bytes memory expected;
        if (to == address(0)) expected = abi.encodeWithSelector(TimelockGoverned.ZeroAddress.selector);
        else if (amount == 0) expected = abi.encodeWithSelector(IBudgetEscrow.ZeroAmount.selector);
        else if (amount > free) {
            expected = abi.encodeWithSelector(IBudgetEscrow.InsufficientFunds.selector, token, free, amount);
        }
        uint256 before = _balanceOf(token, sink);
        try escrow.withdraw(token, to, amount) {
            _outcome(true, "", expected, "withdraw");
            if (expected.length != 0) return;
            if (_balanceOf(token, sink) != before + amount) _mismatch("withdraw: sink not paid");
            _totals[token].withdrawn += amount;
        } catch (bytes memory reason) {
            _outcome(false, reason, expected, "withdraw");
        }
    }

    /**
     * @notice A recipient claims what it is owed in tenge or native coin: to the claim sink, to itself, or to the zero
     * address. Predicts ZeroAddress, NothingOwed, the refusing recipient's own Refused error when it claims native
     * coin to itself while refusing, or the payment.
     */
    function claim(uint256 recipientSeed, bool native, uint256 toSeed) external {
        _sync();
        // Mostly the refusing recipient claiming native coin: the only one that can be owed (the others check errors).
        address claimer = recipientSeed % 4 == 0
            ? _recipients[(recipientSeed >> 2) % (RECIPIENT_COUNT - 1)]
            : address(refuser);
        address token = native || (claimer == address(refuser) && recipientSeed % 16 != 1) ? NATIVE : address(tenge);
        uint256 choice = toSeed % 8;
        address to = choice == 0 ? address(0) : choice < 4 ? claimer : claimSink;
        uint256 amount = _owed[claimer][token];
        bytes memory expected;
        if (to == address(0)) expected = abi.encodeWithSelector(TimelockGoverned.ZeroAddress.selector);
        else if (amount == 0) expected = abi.encodeWithSelector(IBudgetEscrow.NothingOwed.selector, claimer, token);
        else if (token == NATIVE && to == address(refuser) && refuser.refusing()) {
            expected = abi.encodeWithSelector(RefusingRecipient.Refused.selector, address(escrow), amount);
        }
        uint256 before = _balanceOf(token, to);
        bool ok;
        bytes memory reason;
        if (claimer == address(refuser)) {
            try refuser.claimFrom(IClaimable(address(escrow)), token, to) {
                ok = true;
            } catch (bytes memory caught) {
                reason = caught;
            }
        } else {
            vm.prank(claimer);
            try escrow.claim(token, to) {
                ok = true;
            } catch (bytes memory caught) {
                reason = caught;
            }
        }
        _outcome(ok, reason, expected, "claim");
        if (!ok || expected.length != 0) return;
        if (_balanceOf(token, to) != before + amount) _mismatch("claim: destination not paid");
        _owed[claimer][token] = 0;
        _totals[token].owed -= amount;
        ++claims;
    }

    /// @notice The refusing recipient starts or stops refusing the native coin.
    function setRefusing(bool refusing) external {
        _sync();
        refuser.setRefusing(refusing);
    }

    /// @notice Governance allows or disallows the tenge (rarely disallowed, and mostly allowed again soon).
    function setTengeAllowed(uint256 seed) external {
        _sync();
        bool allowed = seed % 4 != 0;
        try escrow.setTokenAllowed(address(tenge), allowed) {
            tengeAllowed = allowed;
            if (escrow.isTokenAllowed(address(tenge)) != allowed) _mismatch("setTokenAllowed: not recorded");
        } catch (bytes memory reason) {
            _outcome(false, reason, "", "setTokenAllowed");
        }
    }

    /// @notice Amends the current Budget document: the old one becomes Amended and can no longer be cited.
    function amendBudget(uint256 seed) external {
        _sync();
        if (seed % 8 != 0) return; // rare: most campaigns keep one budget for a while
        uint256 old = budgetId;
        budgetId = DocumentRegistry(address(documentRegistry)).amend(
            old,
            keccak256(abi.encode("budget revision", seed, oldBudgets.length)),
            keccak256("revision metadata"),
            bytes32(0),
            "revision"
        );
        oldBudgets.push(old);
    }

    /// @notice Moves the clock forward by up to 45 days.
    function warp(uint256 secondsForward) external {
        currentTime += bound(secondsForward, 0, 45 days);
        _sync();
    }

    // ─── Ghost reading ───────────────────────────────────────────────────────────────────────────────────────

    /// @notice The handler's own totals of `token`.
    function ghostTotals(address token) external view returns (GhostTotals memory) {
        return _totals[token];
    }

    /// @notice Token, recipient, total, released and cancellation of ghost allocation `id`.
    function ghostAllocation(uint256 id)
        external
        view
        returns (address token, address recipient, uint256 total, uint256 released, bool cancelled)
    {
        GhostAllocation storage g = _ghosts[id];
        return (g.token, g.recipient, g.total, g.released, g.cancelled);
    }

    /// @notice Amounts and statuses of the milestones of ghost allocation `id`.
    function ghostMilestones(uint256 id)
        external
        view
        returns (uint256[] memory amounts, IBudgetEscrow.MilestoneStatus[] memory statuses)
    {
        return (_ghosts[id].amounts, _ghosts[id].statuses);
    }

    /// @notice What the ghost says `recipient` is owed in `token`.
    function ghostOwed(address recipient, address token) external view returns (uint256) {
        return _owed[recipient][token];
    }

    /// @notice Recipient `i` (of 3; the last is the refusing contract).
    function recipientAt(uint256 i) external view returns (address) {
        return _recipients[i];
    }

    /// @notice How many recipients there are.
    function recipientCount() external pure returns (uint256) {
        return RECIPIENT_COUNT;
    }

    // ─── Internals ───────────────────────────────────────────────────────────────────────────────────────────

    /// @dev A plan of `count` random milestones that fits in `free`, then the one fault `fault` selects.
    function _plan(uint256 seed, uint256 count, uint256 free, uint256 fault)
        private
        view
        returns (IBudgetEscrow.MilestoneInit[] memory plan, uint256 total, uint256 cited)
    {
        plan = new IBudgetEscrow.MilestoneInit[](count);
        uint256 cap = count == 0 ? 1 : free / count;
        if (cap == 0) cap = 1;
        uint256 sum;
        for (uint256 i = 0; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint128 amount = uint128(1 + (r % cap));
            uint48 deadline = uint48(currentTime + 1 + ((r >> 128) % 120 days));
            plan[i] = IBudgetEscrow.MilestoneInit(amount, deadline, keccak256(abi.encode("milestone", seed, i)));
            sum += amount;
        }
        uint256 k = count == 0 ? 0 : seed % count;
        if (fault == 5) {
            sum -= plan[k].amount;
            plan[k].amount = 0;
        } else if (fault == 6) {
            plan[k].deadline = uint48(currentTime - (seed % 2 == 0 ? 0 : 1 + (seed % 1 days)));
        } else if (fault == 9 && sum <= free) {
            uint256 extra = free - sum + 1 + (seed % 1000);
            plan[k].amount += uint128(extra);
            sum += extra;
        }
        total = sum;
        if (fault == 7) total = seed % 2 == 0 ? sum + 1 + (seed % 100) : sum - 1;
        cited = budgetId;
        if (fault == 8) {
            cited = oldBudgets.length > 0 && seed % 2 == 0
                ? oldBudgets[seed % oldBudgets.length]
                : uint256(keccak256(abi.encode("no such budget", seed)));
        }
    }

    /// @dev Records a created allocation in the ghost.
    function _record(
        uint256 id,
        address token,
        address recipient_,
        uint256 total,
        IBudgetEscrow.MilestoneInit[] memory plan
    ) private {
        GhostAllocation storage g = _ghosts[id];
        g.token = token;
        g.recipient = recipient_;
        g.total = total;
        for (uint256 i = 0; i < plan.length; ++i) {
            g.amounts.push(plan[i].amount);
            g.statuses.push(IBudgetEscrow.MilestoneStatus.Pending);
        }
        _totals[token].allocated += total;
        _totals[token].reserved += total;
    }

    function _predictCreate(
        IBudgetEscrow.MilestoneInit[] memory plan,
        uint256 total,
        uint256 cited,
        address token,
        uint256 free
    ) private view returns (bytes memory) {
        if (token != NATIVE && !tengeAllowed) {
            return abi.encodeWithSelector(IBudgetEscrow.TokenNotAllowed.selector, token);
        }
        uint256 count = plan.length;
        if (count == 0 || count > 32) {
            return abi.encodeWithSelector(IBudgetEscrow.InvalidMilestoneCount.selector, count);
        }
        uint256 sum;
        for (uint256 i = 0; i < count; ++i) {
            if (plan[i].amount == 0) return abi.encodeWithSelector(IBudgetEscrow.ZeroMilestoneAmount.selector, i);
            if (plan[i].deadline <= currentTime) {
                return abi.encodeWithSelector(IBudgetEscrow.DeadlineInPast.selector, i, plan[i].deadline);
            }
            sum += plan[i].amount;
        }
        if (sum != total) return abi.encodeWithSelector(IBudgetEscrow.MilestonesDoNotAddUp.selector, sum, total);
        if (cited != budgetId) return abi.encodeWithSelector(IBudgetEscrow.InvalidBudgetDocument.selector, cited);
        if (total > free) return abi.encodeWithSelector(IBudgetEscrow.InsufficientFunds.selector, token, free, total);
        return "";
    }

    /// @dev Free balance by the ghost: what the escrow holds minus what the ghost says is reserved or owed.
    function _free(address token) private view returns (uint256) {
        uint256 held = _balanceOf(token, address(escrow));
        uint256 committed = _totals[token].reserved + _totals[token].owed;
        return held > committed ? held - committed : 0;
    }

    function _balanceOf(address token, address account) private view returns (uint256) {
        return token == NATIVE ? account.balance : tenge.balanceOf(account);
    }

    function _outcome(bool ok, bytes memory reason, bytes memory expected, string memory what) private {
        if (ok) {
            if (expected.length != 0) _mismatch(string.concat(what, ": succeeded, expected a revert"));
            else ++successes;
        } else if (keccak256(reason) != keccak256(expected)) {
            _mismatch(string.concat(what, ": unexpected revert data ", vm.toString(reason)));
        }
    }

    function _mismatch(string memory what) private {
        ++mismatches;
        lastMismatch = what;
    }

    function _sync() private {
        vm.warp(currentTime);
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}

/// @notice Deploys the registries, the escrow and the tenge with the handler as Timelock, and enacts a budget.
abstract contract BudgetEscrowSetup is Test {
    /// @dev 10 000 000 000 tenge, in tiyn.
    uint256 internal constant SUPPLY = 1e12 * 100;
    /// @dev 2026-01-01T00:00:00Z.
    uint256 internal constant START = 1_767_225_600;
    address internal constant NATIVE = address(0);

    BudgetEscrowHandler internal handler;
    AgencyRegistry internal agencies;
    DocumentRegistry internal documents;
    BudgetEscrow internal escrow;
    DigitalTenge internal tenge;
    uint256 internal budgetId;

    function setUp() public virtual {
        vm.warp(START);
        handler = new BudgetEscrowHandler();
        agencies = new AgencyRegistry(address(handler), new IAgencyRegistry.AgencyInit[](0));
        documents = new DocumentRegistry(address(handler), agencies);
        tenge = new DigitalTenge(address(handler), SUPPLY);
        address[] memory allowed = new address[](1);
        allowed[0] = address(tenge);
        escrow = new BudgetEscrow(address(handler), documents, allowed);
        vm.deal(address(handler), 1e24);
        budgetId = handler.init(escrow, documents, tenge);
    }

    /// @dev Deposits `amount` tenge from the handler's supply.
    function _deposit(uint256 amount) internal {
        vm.startPrank(address(handler));
        tenge.approve(address(escrow), amount);
        escrow.deposit(tenge, amount);
        vm.stopPrank();
    }

    /// @dev A valid plan: `count` milestones of `amount` each, due 1..count days from now.
    function _plan(uint256 count, uint128 amount) internal view returns (IBudgetEscrow.MilestoneInit[] memory plan) {
        plan = new IBudgetEscrow.MilestoneInit[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint48 deadline = uint48(block.timestamp + (i + 1) * 1 days);
            plan[i] = IBudgetEscrow.MilestoneInit(amount, deadline, keccak256(abi.encode(i)));
        }
    }
}

/// @notice Property tests of single calls with fuzzed inputs.
contract BudgetEscrowFuzzTest is BudgetEscrowSetup {
    function testFuzz_MilestonesNotAddingUpRevert(uint128 a, uint128 b, uint256 total) public {
        a = uint128(bound(a, 1, 1e15));
        b = uint128(bound(b, 1, 1e15));
        total = bound(total, 0, 3e15);
        uint256 sum = uint256(a) + b;
        vm.assume(total != sum);
        _deposit(1e13);
        IBudgetEscrow.MilestoneInit[] memory plan = _plan(2, a);
        plan[1].amount = b;
        vm.prank(address(handler));
        vm.expectRevert(abi.encodeWithSelector(IBudgetEscrow.MilestonesDoNotAddUp.selector, sum, total));
        escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, total, plan);
        assertEq(escrow.allocationCount(), 0);
        assertEq(escrow.totals(address(tenge)).reserved, 0);
    }

    function testFuzz_DeadlineNotInFutureReverts(uint256 count, uint256 index, uint256 lag) public {
        count = bound(count, 1, 32);
        index = bound(index, 0, count - 1);
        lag = bound(lag, 0, block.timestamp);
        _deposit(1e6);
        IBudgetEscrow.MilestoneInit[] memory plan = _plan(count, 1);
        uint48 deadline = uint48(block.timestamp - lag);
        plan[index].deadline = deadline;
        vm.prank(address(handler));
        vm.expectRevert(abi.encodeWithSelector(IBudgetEscrow.DeadlineInPast.selector, index, deadline));
        escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, count, plan);
        assertEq(escrow.allocationCount(), 0);
    }

    function testFuzz_AmountAboveAvailableReverts(uint256 deposited, uint256 reserved, uint256 excess) public {
        deposited = bound(deposited, 1, 1e13);
        reserved = bound(reserved, 0, deposited);
        excess = bound(excess, 1, 1e13);
        _deposit(deposited);
        if (reserved > 0) {
            vm.prank(address(handler));
            escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, reserved, _plan(1, uint128(reserved)));
        }
        uint256 free = deposited - reserved;
        assertEq(escrow.available(address(tenge)), free);
        uint256 total = free + excess;
        vm.prank(address(handler));
        vm.expectRevert(
            abi.encodeWithSelector(IBudgetEscrow.InsufficientFunds.selector, address(tenge), free, total)
        );
        escrow.createAllocation(address(0xCAFE), address(tenge), budgetId, total, _plan(1, uint128(total)));
        // Exactly the free balance is accepted, when there is one.
        if (free > 0) {
            vm.prank(address(handler));
            escrow.createAllocation(address(0xCAFE), address(tenge), budgetId, free, _plan(1, uint128(free)));
            assertEq(escrow.available(address(tenge)), 0);
        }
        assertEq(escrow.totals(address(tenge)).reserved, deposited);
    }

    function testFuzz_WithdrawAboveAvailableReverts(uint256 deposited, uint256 amount) public {
        deposited = bound(deposited, 1, 1e13);
        amount = bound(amount, deposited + 1, 2e13);
        _deposit(deposited);
        vm.prank(address(handler));
        vm.expectRevert(
            abi.encodeWithSelector(IBudgetEscrow.InsufficientFunds.selector, address(tenge), deposited, amount)
        );
        escrow.withdraw(address(tenge), address(0xD00D), amount);
    }

    function testFuzz_InvalidMilestoneCountReverts(uint256 count) public {
        count = count % 2 == 0 ? 0 : bound(count, 33, 80);
        _deposit(1e6);
        vm.prank(address(handler));
        vm.expectRevert(abi.encodeWithSelector(IBudgetEscrow.InvalidMilestoneCount.selector, count));
        escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, count, _plan(count, 1));
    }

    function testFuzz_OnlyTheTimelockActs(address caller) public {
        vm.assume(caller != address(handler));
        _deposit(100);
        vm.prank(address(handler));
        escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, 10, _plan(1, 10));
        bytes memory notTimelock = abi.encodeWithSelector(TimelockGoverned.NotTimelock.selector, caller);

        vm.prank(caller);
        vm.expectRevert(notTimelock);
        escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, 10, _plan(1, 10));
        vm.prank(caller);
        vm.expectRevert(notTimelock);
        escrow.releaseMilestone(1, 0);
        vm.prank(caller);
        vm.expectRevert(notTimelock);
        escrow.cancelAllocation(1, "not yours");
        vm.prank(caller);
        vm.expectRevert(notTimelock);
        escrow.withdraw(address(tenge), caller, 1);
        vm.prank(caller);
        vm.expectRevert(notTimelock);
        escrow.setTokenAllowed(address(tenge), false);
        assertTrue(escrow.isTokenAllowed(address(tenge)));
        assertEq(tenge.balanceOf(address(escrow)), 100);
        assertEq(escrow.totals(address(tenge)).reserved, 10);
    }

    function testFuzz_DepositCountsExactly(uint256 first, uint256 second) public {
        first = bound(first, 1, SUPPLY / 2);
        second = bound(second, 1, SUPPLY / 2);
        _deposit(first);
        _deposit(second);
        assertEq(escrow.totals(address(tenge)).deposited, first + second);
        assertEq(escrow.available(address(tenge)), first + second);
        assertEq(tenge.balanceOf(address(escrow)), first + second);
    }

    function testFuzz_ReleaseSomeThenCancel(uint256 count, uint256 releaseMask, uint128 amount) public {
        count = bound(count, 1, 32);
        amount = uint128(bound(amount, 1, 1e9));
        uint256 total = count * amount;
        _deposit(total + 7);
        vm.startPrank(address(handler));
        escrow.createAllocation(address(0xBEEF), address(tenge), budgetId, total, _plan(count, amount));
        uint256 released;
        for (uint256 i = 0; i < count; ++i) {
            if ((releaseMask >> i) & 1 == 1) {
                escrow.releaseMilestone(1, i);
                released += amount;
            }
        }
        escrow.cancelAllocation(1, "fuzzed");
        vm.stopPrank();
        IBudgetEscrow.Totals memory sums = escrow.totals(address(tenge));
        assertEq(sums.allocated, released);
        assertEq(sums.released, released);
        assertEq(sums.reserved, 0);
        assertEq(tenge.balanceOf(address(0xBEEF)), released);
        assertEq(escrow.available(address(tenge)), total + 7 - released);
        IBudgetEscrow.Milestone[] memory list = escrow.milestones(1);
        for (uint256 i = 0; i < count; ++i) {
            IBudgetEscrow.MilestoneStatus want = (releaseMask >> i) & 1 == 1
                ? IBudgetEscrow.MilestoneStatus.Released
                : IBudgetEscrow.MilestoneStatus.Cancelled;
            assertEq(uint8(list[i].status), uint8(want));
        }
    }

    /// Native coin can arrive without passing through receive() (SELFDESTRUCT, block rewards; simulated here with
    /// vm.deal): it is not spendable until sync() records it, so `allocated ≤ deposited` always holds.
    function testFuzz_UnaccountedInflowNeedsSync(uint256 deposited, uint256 forced) public {
        deposited = bound(deposited, 1, 1e21);
        forced = bound(forced, 1, 1e21);
        vm.prank(address(handler));
        escrow.depositNative{value: deposited}();
        vm.deal(address(escrow), deposited + forced);
        uint256 total = deposited + forced;
        assertEq(escrow.available(NATIVE), deposited);

        vm.prank(address(handler));
        vm.expectRevert(abi.encodeWithSelector(IBudgetEscrow.InsufficientFunds.selector, NATIVE, deposited, total));
        escrow.createAllocation(address(0xBEEF), NATIVE, budgetId, total, _plan(1, uint128(total)));

        assertEq(escrow.sync(NATIVE), forced);
        vm.prank(address(handler));
        escrow.createAllocation(address(0xBEEF), NATIVE, budgetId, total, _plan(1, uint128(total)));
        IBudgetEscrow.Totals memory sums = escrow.totals(NATIVE);
        assertEq(sums.deposited, total);
        assertEq(sums.allocated, total);
    }
}

/// @notice Deferred payments and the allow-list with fuzzed amounts.
contract BudgetEscrowDeferredFuzzTest is BudgetEscrowSetup {
    function testFuzz_RefusedNativePaymentIsOwedThenClaimed(uint256 deposited, uint256 amount, address to) public {
        deposited = bound(deposited, 2, 1e21);
        amount = bound(amount, 1, deposited - 1);
        vm.assume(to != address(0) && to.code.length == 0 && uint160(to) > 0x100 && to != address(escrow));
        vm.assume(to.balance == 0);
        RefusingRecipient refuser = new RefusingRecipient();
        vm.startPrank(address(handler));
        escrow.depositNative{value: deposited}();
        escrow.createAllocation(address(refuser), NATIVE, budgetId, amount, _plan(1, uint128(amount)));
        vm.expectEmit(address(escrow));
        emit IBudgetEscrow.PaymentDeferred(address(refuser), NATIVE, amount);
        escrow.releaseMilestone(1, 0);
        vm.stopPrank();
        assertEq(escrow.owed(address(refuser), NATIVE), amount);
        assertEq(escrow.totals(NATIVE).owed, amount);
        assertEq(address(escrow).balance, deposited);
        assertEq(escrow.available(NATIVE), deposited - amount);
        vm.expectRevert(abi.encodeWithSelector(RefusingRecipient.Refused.selector, address(escrow), amount));
        refuser.claimFrom(IClaimable(address(escrow)), NATIVE, address(refuser));
        refuser.claimFrom(IClaimable(address(escrow)), NATIVE, to);
        assertEq(to.balance, amount);
        assertEq(escrow.owed(address(refuser), NATIVE), 0);
        assertEq(escrow.available(NATIVE), deposited - amount);
        assertEq(address(escrow).balance, deposited - amount);
    }

    function testFuzz_TokenNotAllowedIsRefused(address token, uint256 amount) public {
        vm.assume(token != address(0) && token != address(tenge));
        amount = bound(amount, 1, 1e13);
        _deposit(1e13);
        bytes memory refused = abi.encodeWithSelector(IBudgetEscrow.TokenNotAllowed.selector, token);
        vm.expectRevert(refused);
        escrow.deposit(IERC20(token), amount);
        vm.expectRevert(refused);
        escrow.sync(token);
        vm.prank(address(handler));
        vm.expectRevert(refused);
        escrow.createAllocation(address(0xBEEF), token, budgetId, amount, _plan(1, uint128(amount)));
        assertFalse(escrow.isTokenAllowed(token));
    }
}

/// @notice Invariants of the escrow's accounting under random sequences of handler actions.
contract BudgetEscrowInvariantTest is StdInvariant, BudgetEscrowSetup {
    function setUp() public override {
        super.setUp();
        bytes4[] memory selectors = new bytes4[](11);
        selectors[0] = BudgetEscrowHandler.deposit.selector;
        selectors[1] = BudgetEscrowHandler.depositNative.selector;
        selectors[2] = BudgetEscrowHandler.createAllocation.selector;
        selectors[3] = BudgetEscrowHandler.releaseMilestone.selector;
        selectors[4] = BudgetEscrowHandler.cancelAllocation.selector;
        selectors[5] = BudgetEscrowHandler.withdraw.selector;
        selectors[6] = BudgetEscrowHandler.amendBudget.selector;
        selectors[7] = BudgetEscrowHandler.warp.selector;
        selectors[8] = BudgetEscrowHandler.claim.selector;
        selectors[9] = BudgetEscrowHandler.setRefusing.selector;
        selectors[10] = BudgetEscrowHandler.setTengeAllowed.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function _tokens() private view returns (address[2] memory) {
        return [address(tenge), NATIVE];
    }

    function _held(address token, address account) private view returns (uint256) {
        return token == NATIVE ? account.balance : tenge.balanceOf(account);
    }

    /// released ≤ allocated ≤ deposited, per token.
    function invariant_releasedLeAllocatedLeDeposited() public view {
        for (uint256 t = 0; t < 2; ++t) {
            IBudgetEscrow.Totals memory sums = escrow.totals(_tokens()[t]);
            assertLe(sums.released, sums.allocated, "released > allocated");
            assertLe(sums.allocated, sums.deposited, "allocated > deposited");
        }
    }

    /// reserved == allocated − released, and the escrow holds at least what it reserved plus what it owes.
    function invariant_reservedIsCoveredAndConsistent() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address token = _tokens()[t];
            IBudgetEscrow.Totals memory sums = escrow.totals(token);
            assertEq(sums.reserved, sums.allocated - sums.released, "reserved != allocated - released");
            uint256 held = _held(token, address(escrow));
            assertGe(held, sums.reserved + sums.owed, "balance < reserved + owed");
            assertEq(escrow.available(token), held - sums.reserved - sums.owed, "available != balance - reserved - owed");
        }
    }

    /// held ≥ deposited + owed − released − withdrawn ≥ reserved + owed; with only deposits coming in, the first is
    /// an equality (released but owed money has not left).
    function invariant_balanceIsDepositsMinusOutflows() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address token = _tokens()[t];
            IBudgetEscrow.Totals memory sums = escrow.totals(token);
            uint256 books = sums.deposited + sums.owed - sums.released - sums.withdrawn;
            uint256 held = _held(token, address(escrow));
            assertGe(held, books, "balance < deposited + owed - released - withdrawn");
            assertEq(held, books, "balance");
            assertGe(books, sums.reserved + sums.owed, "books < reserved + owed");
            assertLe(sums.owed, sums.released, "owed > released");
        }
    }

    /// What the recipients and the claim sink received is exactly what was released and not still owed; what the
    /// sink received, what was withdrawn.
    function invariant_receiptsEqualReleased() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address token = _tokens()[t];
            uint256 received = _held(token, handler.claimSink());
            for (uint256 i = 0; i < handler.recipientCount(); ++i) received += _held(token, handler.recipientAt(i));
            IBudgetEscrow.Totals memory sums = escrow.totals(token);
            assertEq(received, sums.released - sums.owed, "receipts != released - owed");
            assertEq(_held(token, handler.sink()), sums.withdrawn, "sink != withdrawn");
        }
    }

    /// Each recipient's owed amount matches the ghost, and they add up to the token's owed total.
    function invariant_owedAddsUp() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address token = _tokens()[t];
            uint256 sum;
            for (uint256 i = 0; i < handler.recipientCount(); ++i) {
                address recipient = handler.recipientAt(i);
                uint256 owed = escrow.owed(recipient, token);
                assertEq(owed, handler.ghostOwed(recipient, token), "owed != ghost");
                sum += owed;
            }
            assertEq(sum, escrow.totals(token).owed, "sum of owed != totals.owed");
        }
        // Only the refusing recipient can be owed, and only native coin.
        assertEq(escrow.totals(address(tenge)).owed, 0, "tenge owed");
    }

    /// The escrow's totals equal the handler's independent bookkeeping.
    function invariant_totalsMatchGhost() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address token = _tokens()[t];
            IBudgetEscrow.Totals memory sums = escrow.totals(token);
            BudgetEscrowHandler.GhostTotals memory ghost = handler.ghostTotals(token);
            assertEq(sums.deposited, ghost.deposited, "deposited");
            assertEq(sums.allocated, ghost.allocated, "allocated");
            assertEq(sums.released, ghost.released, "released");
            assertEq(sums.withdrawn, ghost.withdrawn, "withdrawn");
            assertEq(sums.reserved, ghost.reserved, "reserved");
            assertEq(sums.owed, ghost.owed, "owed");
        }
    }

    /// No milestone is released twice, and every allocation and milestone matches the ghost.
    function invariant_noMilestoneReleasedTwice() public view {
        assertEq(handler.doubleReleases(), 0, "a milestone was released twice");
        uint256 count = escrow.allocationCount();
        assertEq(count, handler.ghostCount(), "allocation count");
        for (uint256 id = 1; id <= count; ++id) {
            IBudgetEscrow.Allocation memory a = escrow.allocation(id);
            (address token, address recipient, uint256 total, uint256 released, bool cancelled) = handler
                .ghostAllocation(id);
            assertEq(a.token, token, "token");
            assertEq(a.recipient, recipient, "recipient");
            assertEq(a.total, total, "total");
            assertEq(a.released, released, "allocation released");
            assertEq(a.cancelled, cancelled, "cancelled");
            IBudgetEscrow.Milestone[] memory list = escrow.milestones(id);
            (uint256[] memory amounts, IBudgetEscrow.MilestoneStatus[] memory statuses) = handler.ghostMilestones(id);
            assertEq(list.length, amounts.length, "milestone count");
            uint256 paid;
            uint256 sum;
            for (uint256 i = 0; i < list.length; ++i) {
                assertEq(list[i].amount, amounts[i], "milestone amount");
                assertEq(uint8(list[i].status), uint8(statuses[i]), "milestone status");
                sum += list[i].amount;
                if (list[i].status == IBudgetEscrow.MilestoneStatus.Released) paid += list[i].amount;
            }
            assertEq(sum, a.total, "milestones do not add up to the total");
            assertEq(paid, a.released, "released != sum of released milestones");
        }
    }

    /// Every call ended as predicted: success, or the exact custom error with its arguments.
    function invariant_everyOutcomeAsPredicted() public view {
        assertEq(handler.mismatches(), 0, handler.lastMismatch());
    }
}
