package io.callport.server.upload;

/** An organisation's recorded minutes this month against its allocation. */
public record MonthlyMinutes(double usedMinutes, long allocatedMinutes) {

    public double remainingMinutes() {
        return Math.max(0, allocatedMinutes - usedMinutes);
    }
}
