"""The text of a stored audit payload (AuditPayload's formats): raw deflate against dictionary-vN.bin for formats 1 to 4,
a zstd frame without its magic number against dictionary-vN.zstd for formats 5 on, decoded by the zstd command (Python 3.11
has no zstd module): the magic number is put back so that the command reads the frame."""
import os
import subprocess
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AUDIT = os.path.join(ROOT, 'src/main/resources/audit')
ZSTD_MAGIC = bytes([0x28, 0xB5, 0x2F, 0xFD])
FIRST_ZSTD = 5


def dictionary_path(number):
    return os.path.join(AUDIT, 'dictionary-v%d.%s' % (number, 'zstd' if number >= FIRST_ZSTD else 'bin'))


def text(stored):
    """The stored text, the answer's decision id still left out where the flags say so."""
    start = 2 if stored[0] >= 3 else 1  # format 3 on: a byte of flags after the format's number
    if stored[0] >= FIRST_ZSTD:
        return subprocess.run(['zstd', '-q', '-d', '-c', '-D', dictionary_path(stored[0])], input=ZSTD_MAGIC + stored[start:],
                              stdout=subprocess.PIPE, check=True).stdout
    inflate = zlib.decompressobj(-15, zdict=open(dictionary_path(stored[0]), 'rb').read())
    return inflate.decompress(stored[start:]) + inflate.flush()
