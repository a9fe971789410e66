package io.switchboard.behaviours.conversation;

/** The Case an earlier attempt at the same event wrote, and what it left under it. */
record WrittenCase(String id, WrittenChildren children) {
}
