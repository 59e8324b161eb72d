// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockGoverned} from "../access/TimelockGoverned.sol";

/**
 * @title WorkingDayCalendar
 * @notice The official working-day calendar of Kazakhstan, on chain: Monday to Friday are working days, Saturday
 * and Sunday are not, and governance declares the exceptions as data (public holidays, and the Saturdays or Sundays
 * a government resolution makes working days when it moves a day off). Deadlines counted in working days are
 * computed from it, so every client reads the same due date from the chain.
 *
 * @dev Days are counted in Kazakhstan's one time zone, UTC+5 (since 1 March 2024): day `d` runs from
 * `d * 1 days - LOCAL_TIME_OFFSET` to one second before `(d + 1) * 1 days - LOCAL_TIME_OFFSET`. Only today and later
 * days may be declared, so a published calendar is never rewritten for the past. Counting scans at most
 * {MAX_SCAN_DAYS} calendar days, so no calendar, however many holidays it declares, makes a call unbounded.
 */
abstract contract WorkingDayCalendar is TimelockGoverned {
    /// @notice Kazakhstan time minus UTC, in seconds (UTC+5).
    uint256 public constant LOCAL_TIME_OFFSET = 5 hours;
    /// @notice Most days one {setDayKinds} call may declare.
    uint256 public constant MAX_DAYS_PER_CALL = 64;
    /// @notice Most calendar days a working-day count may scan before it gives up.
    uint256 public constant MAX_SCAN_DAYS = 200;

    /// @notice What a day is, beyond the weekly rule.
    /// @param Default Working Monday to Friday, a day off on Saturday and Sunday.
    /// @param Holiday A day off (a public holiday, or a weekday off moved from a weekend).
    /// @param WorkingDay A working day (a weekend day made working by a moved day off).
    enum DayKind {
        Default,
        Holiday,
        WorkingDay
    }

    mapping(uint256 day => DayKind) private _dayKinds;

    /// @notice Day `day` (days since 1970-01-01 in UTC+5) was declared `kind`.
    /// @param day The day.
    /// @param kind What it now is.
    event DayKindSet(uint256 indexed day, DayKind kind);

    /// @notice A declaration names no day, or more than {MAX_DAYS_PER_CALL}.
    /// @param count The number of days given.
    error InvalidDayCount(uint256 count);
    /// @notice A day before today cannot be declared: the calendar of the past is fixed.
    /// @param day The day refused.
    /// @param today Today.
    error DayInPast(uint256 day, uint256 today);
    /// @notice The calendar has no working day within {MAX_SCAN_DAYS} of the count's start.
    /// @param fromDay The day the count started on.
    error NoWorkingDays(uint256 fromDay);

    /// @notice Declares the genesis exceptions (public holidays of the current year, as data).
    /// @param holidays Days off beyond the weekends, as day numbers; each today or later; may be empty.
    constructor(uint32[] memory holidays) {
        if (holidays.length > 0) _setDayKinds(holidays, DayKind.Holiday);
    }

    /**
     * @notice Declares each of `dayNumbers` to be `kind`. Only the Timelock, through a passed proposal.
     * @dev Emits {DayKindSet} for each day. Reverts with {InvalidDayCount} for an empty or oversized list and with
     * {DayInPast} for a day before today. Due dates already computed are stored, so they do not move.
     * @param dayNumbers Day numbers (days since 1970-01-01 in UTC+5).
     * @param kind What they become ({DayKind.Default} undoes an earlier declaration).
     */
    function setDayKinds(uint32[] calldata dayNumbers, DayKind kind) external onlyTimelock {
        _setDayKinds(dayNumbers, kind);
    }

    /// @notice What day `day` is, beyond the weekly rule.
    /// @param day A day number.
    /// @return The declared kind ({DayKind.Default} if none).
    function dayKind(uint256 day) external view returns (DayKind) {
        return _dayKinds[day];
    }

    /// @notice The day number (UTC+5) of a timestamp.
    /// @param timestamp Seconds since the Unix epoch.
    /// @return Days since 1970-01-01 in Kazakhstan time.
    function dayOf(uint256 timestamp) public pure returns (uint256) {
        return (timestamp + LOCAL_TIME_OFFSET) / 1 days;
    }

    /// @notice Whether `day` is a working day: a declared exception, else Monday to Friday.
    /// @param day A day number.
    /// @return True if people work that day.
    function isWorkingDay(uint256 day) public view returns (bool) {
        DayKind kind = _dayKinds[day];
        if (kind != DayKind.Default) return kind == DayKind.WorkingDay;
        uint256 weekday = (day + 3) % 7; // 1970-01-01 was a Thursday: 0 = Monday … 6 = Sunday
        return weekday < 5;
    }

    /**
     * @notice The last second of the `count`-th working day after receipt at `timestamp`. A receipt on a day off
     * counts as received on the next working day (art. 63 of the Administrative Procedural Code); `count` 0 is the
     * end of the receipt day itself.
     * @dev Reverts with {NoWorkingDays} if the count needs more than {MAX_SCAN_DAYS} calendar days.
     * @param timestamp The moment of receipt.
     * @param count Working days to count after the receipt day.
     * @return The deadline, as a timestamp.
     */
    function workingDaysAfter(uint256 timestamp, uint256 count) public view returns (uint256) {
        uint256 start = dayOf(timestamp);
        uint256 day = start;
        uint256 limit = start + MAX_SCAN_DAYS;
        while (!isWorkingDay(day)) {
            if (++day > limit) revert NoWorkingDays(start);
        }
        for (uint256 left = count; left > 0; ) {
            if (++day > limit) revert NoWorkingDays(start);
            if (isWorkingDay(day)) --left;
        }
        return (day + 1) * 1 days - LOCAL_TIME_OFFSET - 1;
    }

    function _setDayKinds(uint32[] memory dayNumbers, DayKind kind) private {
        if (dayNumbers.length == 0 || dayNumbers.length > MAX_DAYS_PER_CALL) revert InvalidDayCount(dayNumbers.length);
        uint256 today = dayOf(block.timestamp);
        for (uint256 i = 0; i < dayNumbers.length; ++i) {
            uint256 day = dayNumbers[i];
            if (day < today) revert DayInPast(day, today);
            _dayKinds[day] = kind;
            emit DayKindSet(day, kind);
        }
    }
}
