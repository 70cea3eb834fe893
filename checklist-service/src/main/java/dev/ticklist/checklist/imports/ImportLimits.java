package dev.ticklist.checklist.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one import may hold.
 *
 * @param maxLines     lines read at most; beyond them the import stops ({@code import-too-large})
 * @param maxLineBytes a longer line is refused (and not held in memory)
 */
@ConfigurationProperties("ticklist.imports")
public record ImportLimits(@DefaultValue("1000000") long maxLines, @DefaultValue("1024") int maxLineBytes) {

    public ImportLimits {
        if (maxLines < 1 || maxLineBytes < 64) {
            throw new IllegalArgumentException("ticklist.imports.max-lines must be 1 or more and max-line-bytes"
                    + " 64 or more, were " + maxLines + " and " + maxLineBytes);
        }
    }
}
