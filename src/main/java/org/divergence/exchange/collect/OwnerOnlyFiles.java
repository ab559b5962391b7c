package org.divergence.exchange.collect;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files and folders only their owner may read: POSIX 600/700 where the file system has POSIX permissions, else an
 * ACL granting the owner alone (Windows). Files are written to a temporary file with those permissions from the
 * start and moved into place, so there is no moment when they are readable by others or half written.
 */
final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnlyFiles() {
    }

    static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        restrict(folder, FOLDER);
    }

    static void write(Path file, byte[] content) throws IOException {
        createFolder(file.getParent());
        Path temporary = POSIX
                ? Files.createTempFile(file.getParent(), ".tmp-", ".part", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(file.getParent(), ".tmp-", ".part");
        try {
            restrict(temporary, FILE);
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes an existing file or folder owner-only (e.g. one a user copied in with looser permissions). */
    static void restrict(Path path, Set<PosixFilePermission> posix) throws IOException {
        if (POSIX) {
            if (!Files.getPosixFilePermissions(path).equals(posix)) {
                Files.setPosixFilePermissions(path, posix);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(path);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }

    static boolean isPosix() {
        return POSIX;
    }
}
