"""Stop reading an upload as soon as it is bigger than its item allows.

Django's own handlers spool a big upload to a temporary file, whatever its size; this
one, put first, stops at the item's limit so that a huge file is neither kept in memory
nor written to disk. The rest of the request is read and dropped (the browser then
shows the page with the error, not a reset connection).
"""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def new_file(self, *args, **kwargs):
        self.received = 0
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None
