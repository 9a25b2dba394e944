# Reads `strace -f` output and checks the order Attune promises for power loss:
#  - every write to practice.jsonl is fsync'd before the file is closed;
#  - a temp file is fsync'd after its last write and before it is renamed into place, and the
#    folder is fsync'd after the rename, before the process does anything else to a file
#    (another rename) or ends; a ".bak" rename is covered by the next folder sync;
#  - with journal=1 (an import): the journal is in place, and its folder synced, before the
#    first write to the log; it is removed (the commit) only after the log is fsync'd, and its
#    removal is followed by a folder sync.
# Prints one line per problem and a summary; exits 1 on any problem or when nothing was seen.
# Variables: journal=0|1, name (for messages).
function quoted(s, n,   i, out) {           # the n-th "..." string of s
    out = s
    for (i = 1; i <= n; i++) {
        if (!match(out, /"([^"\\]|\\.)*"/)) return ""
        if (i == n) return substr(out, RSTART + 1, RLENGTH - 2)
        out = substr(out, RSTART + RLENGTH)
    }
}
function firstnum(s) { match(s, /\(-?[0-9]+/); return substr(s, RSTART + 1, RLENGTH - 1) + 0 }
function ret(s) { if (!match(s, /= -?[0-9]+/)) return -1; return substr(s, RSTART + 2, RLENGTH - 2) + 0 }
function dirname(p) { sub(/\/[^\/]*$/, "", p); return p == "" ? "/" : p }
function problem(msg) { print name ": " msg " (trace line " NR ")"; bad++ }
{
    # Join "<unfinished ...>" with its "<... resumed>" half.
    pid = $1
    if (index($0, "<unfinished ...>")) { line = $0; sub(/ <unfinished \.\.\.>.*/, "", line); pend[pid] = line; next }
    if (match($0, /<\.\.\. [a-z0-9_]+ resumed>/)) { rest = substr($0, RSTART + RLENGTH); $0 = pend[pid] rest; pid = $1 }
    call = $2; sub(/\(.*/, "", call)
}
/\+\+\+ (exited|killed)/ {
    if (dirsync[pid] != "") problem("exited before syncing the folder " dirsync[pid])
    next
}
call == "openat" || call == "open" {
    fd = ret($0); if (fd < 0) next
    path[pid, fd] = quoted($0, 1); isdir[pid, fd] = index($0, "O_DIRECTORY") > 0
    dirty[pid, fd] = 0; wrote[pid, fd] = 0; next
}
call == "write" || call == "writev" || call == "pwrite64" {
    fd = firstnum($0); p = path[pid, fd]
    if (p ~ /practice\.jsonl$/) {
        logwrites++
        if (journal && !journal_ready[pid]) problem("wrote to the log before its journal was in place and synced")
        logdirty[pid] = 1
    }
    if (p != "") { dirty[pid, fd] = 1; wrote[pid, fd] = 1 }
    next
}
call == "fsync" || call == "fdatasync" {
    fd = firstnum($0); p = path[pid, fd]
    if (isdir[pid, fd]) {
        if (dirsync[pid] == p) dirsync[pid] = ""
        if (journal_pending[pid] == p) { journal_pending[pid] = ""; journal_ready[pid] = 1 }
        dirsyncs++
    } else if (p != "") {
        dirty[pid, fd] = 0; if (wrote[pid, fd]) synced[p] = 1
        if (p ~ /practice\.jsonl$/) logdirty[pid] = 0
    }
    next
}
call == "close" {
    fd = firstnum($0); p = path[pid, fd]
    if (p ~ /practice\.jsonl$/ && dirty[pid, fd]) problem("closed the log without an fsync after writing")
    delete path[pid, fd]; next
}
call == "rename" || call == "renameat" || call == "renameat2" {
    a = quoted($0, 1); b = quoted($0, 2)
    if (ret($0) != 0) next
    if (a ~ /\.tmp-[0-9]+$/ && a !~ /\.bak\.tmp-/ && !synced[a]) problem("renamed " a " before it was fsync'd")
    if (dirsync[pid] != "" && b !~ /\.bak$/) problem("renamed " b " before syncing the folder after the last rename")
    renames++
    if (b ~ /\.bak$/) next
    dirsync[pid] = dirname(b)
    if (b ~ /\.importing$/) { journal_pending[pid] = dirname(b); journals++ }
    next
}
call == "unlink" || call == "unlinkat" {
    a = quoted($0, 1)
    if (a ~ /practice\.jsonl\.importing$/ && ret($0) == 0) {
        if (logdirty[pid]) problem("removed the journal (the commit) before the log was fsync'd")
        dirsync[pid] = dirname(a); journal_ready[pid] = 0; commits++
    }
    next
}
END {
    if (!renames && !logwrites) { print name ": nothing was traced"; exit 1 }
    if (journal && (!journals || !commits)) { print name ": no journal was used"; exit 1 }
    printf "%s: %d log writes, %d renames, %d folder syncs, %d journaled commits: %s\n", name, logwrites, renames, dirsyncs, commits, bad ? "PROBLEMS" : "in order"
    exit bad ? 1 : 0
}
