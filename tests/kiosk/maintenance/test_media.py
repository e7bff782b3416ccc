"""Finding USB sticks: mount points under /media and /run/media that are writable, told apart from fixed
disks by /sys/block/<disk>/removable when the kernel says."""

from kiosk.maintenance.media import mount_points, removable_media


def test_a_mounted_stick_is_found_and_other_mounts_are_not(tmp_path):
    stick = tmp_path / "media" / "tech" / "MY STICK"
    stick.mkdir(parents=True)
    fixed = tmp_path / "media" / "data"
    fixed.mkdir(parents=True)
    (tmp_path / "sys" / "sdb").mkdir(parents=True)
    (tmp_path / "sys" / "sdb" / "removable").write_text("1\n")
    (tmp_path / "sys" / "sda").mkdir(parents=True)
    (tmp_path / "sys" / "sda" / "removable").write_text("0\n")
    mounts = (f"/dev/sda2 / ext4 rw 0 0\n/dev/sda3 {fixed} ext4 rw 0 0\n"
              f"/dev/sdb1 {str(stick).replace(' ', chr(92) + '040')} vfat rw 0 0\nproc /proc proc rw 0 0\n")
    found = removable_media(mounts=mounts, roots=[tmp_path / "media"], sys_block=tmp_path / "sys")
    assert [(m.path, m.device, m.label) for m in found] == [(stick, "/dev/sdb1", "MY STICK")]


def test_nothing_mounted_is_an_empty_list(tmp_path):
    assert removable_media(mounts="", roots=[tmp_path], sys_block=tmp_path) == []


def test_mount_points_reads_the_escapes_of_proc_mounts():
    assert mount_points("/dev/sdc1 /media/a\\040b vfat rw 0 0\n") == {__import__("pathlib").Path("/media/a b"):
                                                                     "/dev/sdc1"}
