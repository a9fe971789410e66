package io.switchboard.behaviours.conversation;

/** An attachment ready to upload: its file name and its content in base64, as ContentVersion.VersionData takes it. */
record LoadedFile(String fileName, String contentBase64) {
}
