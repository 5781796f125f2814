package dev.bosun.stdlib.effect;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.WriteOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The files modules see: the session's view, with every mutating call run through
 * {@link RecordingPlan#tracking}, so that a write that failed is not counted as a change.
 */
final class TrackedFs implements Fs {
    private final Fs fs;
    private final RecordingPlan plan;

    TrackedFs(Fs fs, RecordingPlan plan) {
        this.fs = fs;
        this.plan = plan;
    }

    @Override
    public Path resolve(String hostPath) {
        return fs.resolve(hostPath);
    }

    @Override
    public boolean exists(String hostPath) {
        return fs.exists(hostPath);
    }

    @Override
    public FileStat stat(String hostPath) {
        return fs.stat(hostPath);
    }

    @Override
    public byte[] readBytes(String hostPath) {
        return fs.readBytes(hostPath);
    }

    @Override
    public List<String> list(String hostDir) {
        return fs.list(hostDir);
    }

    @Override
    public void write(String hostPath, byte[] content, WriteOptions options) {
        plan.tracking(() -> {
            fs.write(hostPath, content, options);
            return null;
        });
    }

    @Override
    public void mkdirs(String hostPath, int mode, Integer uid, Integer gid) {
        plan.tracking(() -> {
            fs.mkdirs(hostPath, mode, uid, gid);
            return null;
        });
    }

    @Override
    public boolean finishMkdirs(String hostPath, int mode, int uid, int gid) {
        return plan.tracking(() -> fs.finishMkdirs(hostPath, mode, uid, gid));
    }

    @Override
    public void setAttributes(String hostPath, Integer mode, Integer uid, Integer gid) {
        plan.tracking(() -> {
            fs.setAttributes(hostPath, mode, uid, gid);
            return null;
        });
    }

    @Override
    public boolean delete(String hostPath) {
        return plan.tracking(() -> fs.delete(hostPath));
    }

    @Override
    public boolean deleteTree(String hostPath) {
        return plan.tracking(() -> fs.deleteTree(hostPath));
    }

    @Override
    public FileLock lock(String hostPath, Duration timeout) {
        return fs.lock(hostPath, timeout);
    }

    @Override
    public byte[] xattr(String hostPath, String name) {
        return fs.xattr(hostPath, name);
    }

    @Override
    public void walk(String hostDir, Visitor visitor) {
        fs.walk(hostDir, visitor);
    }
}
